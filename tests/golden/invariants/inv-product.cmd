invariants --dims 2,3,2 --product tests/golden/strata/rank1-2x2.mat
