canonical --dims 0,0 --barcode -
