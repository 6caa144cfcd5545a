# The repository of the audit cases, with fixed dates (see the script).
source "$GOLDEN_LIB/audit_history.sh"
