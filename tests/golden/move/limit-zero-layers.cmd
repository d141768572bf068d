move tests/golden/analyze/zero-layers.net --one-matrix 2048 --delta tests/golden/move/zero.mat
