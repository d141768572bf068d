move tests/golden/move/rank1.net --one-matrix 1 --delta tests/golden/move/delta-bad.mat
