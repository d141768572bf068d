move tests/golden/move/rank1.net --hidden 1 --matrix tests/golden/move/g3.mat
