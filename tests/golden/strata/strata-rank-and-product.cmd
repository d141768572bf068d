strata --dims 2,2 --rank 1 --product tests/golden/strata/rank1-2x2.mat
