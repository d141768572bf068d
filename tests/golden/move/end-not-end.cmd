move tests/golden/move/rank1.net --end 1 --matrix tests/golden/move/g3.mat
