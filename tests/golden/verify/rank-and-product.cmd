verify --dims 2,3,2 --rank 1 --product tests/golden/verify/rank1.mat
