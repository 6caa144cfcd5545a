find reports -type f | LC_ALL=C sort
