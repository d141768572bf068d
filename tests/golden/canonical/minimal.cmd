canonical --dims 2,2,2 --barcode 0-0x2,1-1x2,2-2x2
