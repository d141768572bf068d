canonical --dims 2,3 --barcode 0-1x2,1-1 --product tests/golden/canonical/rank2-3x2.mat
