move tests/golden/move/s6.net --hidden 1 --matrix tests/golden/move/singular.mat
