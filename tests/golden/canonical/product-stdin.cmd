canonical --dims 3,2,2,3 --barcode 0-3x2,0-0,3-3 --product -
