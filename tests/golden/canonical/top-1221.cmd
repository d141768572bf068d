canonical --dims 1,2,2,1 --barcode 0-2,1-3
