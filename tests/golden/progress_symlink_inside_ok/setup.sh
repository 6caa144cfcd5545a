# Links that stay inside the workspace are followed: the same output as reconcile_json.
mv progress/2024-06 六月
ln -s ../六月 progress/2024-06
mkdir 五月
mv progress/2024-05/党群服务中心.yaml 五月/
ln -s ../../五月/党群服务中心.yaml progress/2024-05/党群服务中心.yaml
