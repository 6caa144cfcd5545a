# Issue 27, point 5: -C works like git -C: -o reports/ lands in ws/reports,
# not in the folder duban was started in.
mkdir ws && mv tasks.yaml progress ws/
