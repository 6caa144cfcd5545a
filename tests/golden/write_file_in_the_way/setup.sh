# A file where the round's folder goes.
mkdir reports
echo 'not a folder' > reports/2024-06
