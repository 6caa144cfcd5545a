find reports | LC_ALL=C sort
cat reports/2024-06
