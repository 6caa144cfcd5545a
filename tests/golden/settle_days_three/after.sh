# The close on R+4 belongs to July's round.
"$DUBAN" --today 2024-07-20 reconcile --month 2024-07 | sed -n '/## 本月销号/,/## 逾期督办/p'
