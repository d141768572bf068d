verify --dims 2,3,2 --product tests/golden/verify/rank1.mat --witnesses
