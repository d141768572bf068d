verify --dims 2,3,2 --product tests/golden/canonical/wide.mat
