move tests/golden/move/rank1.net --merge 0-0,1-1x2
