move tests/golden/move/rank1.net --hidden 1 --merge 0-0,1-1
