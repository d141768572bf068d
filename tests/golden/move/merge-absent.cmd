move tests/golden/move/rank1.net --merge 1-1,2-2
