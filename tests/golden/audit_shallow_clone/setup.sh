# The repository of the audit cases, with fixed dates (see the script).
source "$GOLDEN_LIB/audit_history.sh"
# A shallow clone of that repository has no full history: its one commit
# would seem to add every entry at once.
git clone -q --depth 1 "file://$PWD" shallow
