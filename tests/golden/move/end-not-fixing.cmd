move tests/golden/move/rank1.net --end 2 --matrix tests/golden/move/g.mat
