# Issue 24, point 4: the unit sent its form twice, and two people import
# the two copies at the same time, without --commit.
rm progress/2024-06/江洋社区.yaml
