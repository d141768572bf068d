move tests/golden/move/rank1.net --merge 1-1,0-0 --t -2/7
