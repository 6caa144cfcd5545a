# The shipped workspace: tasks 12 and 13 are open after the last round.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cp -R "$root/tasks.yaml" "$root/progress" .
