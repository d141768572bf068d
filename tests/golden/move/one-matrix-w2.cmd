move tests/golden/move/rank1.net --one-matrix 2 --delta tests/golden/move/delta-w2.mat -o -
