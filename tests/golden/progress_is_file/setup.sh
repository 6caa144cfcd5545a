rm -rf progress
echo "entries: []" > progress
