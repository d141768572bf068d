move tests/golden/move/rank1.net --hidden 1
