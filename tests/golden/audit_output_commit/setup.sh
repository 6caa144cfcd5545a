# The repository of the audit cases, with fixed dates (see the script).
source "$GOLDEN_LIB/audit_history.sh"
git config user.name 党政办
git config user.email office@example.org
