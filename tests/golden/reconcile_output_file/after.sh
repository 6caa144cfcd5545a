head -3 out.json
