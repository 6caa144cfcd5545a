# On 06-20 江洋社区's June file is committed at over 1 MiB (its task 1 at
# 90, then a long comment); on 06-21 it is put back as it was. The large
# version is not read, as the working tree would not read it.
source "$GOLDEN_LIB/audit_history.sh"
cp progress/2024-06/江洋社区.yaml jy.hold
sed -i 's/    percent: 50/    percent: 90/' progress/2024-06/江洋社区.yaml
head -c 1100000 /dev/zero | tr '\0' 'x' | sed 's/^/# /' >> progress/2024-06/江洋社区.yaml
echo >> progress/2024-06/江洋社区.yaml
commit 2024-06-20T09:00:00+08:00 江洋社区 jy@example.org "大文件" progress/2024-06
mv jy.hold progress/2024-06/江洋社区.yaml
commit 2024-06-21T09:00:00+08:00 江洋社区 jy@example.org "恢复" progress/2024-06
