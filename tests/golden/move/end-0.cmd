move tests/golden/move/rank1.net --end 0 --matrix tests/golden/move/fix-right.mat
