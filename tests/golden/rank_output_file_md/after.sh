cat rank.md
