# reports/2024-06/notices is a link to a folder outside reports/.
mkdir -p elsewhere reports/2024-06
echo 'not a notice' > elsewhere/其他.md
ln -s ../../elsewhere reports/2024-06/notices
