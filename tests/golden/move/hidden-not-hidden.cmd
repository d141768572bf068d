move tests/golden/move/s6.net --hidden 2 --matrix tests/golden/move/g.mat
