canonical --dims 2,3,2 --barcode '[0,0] + [0,2] + [1,1'
