canonical --dims 1000000,1000000 --barcode 0-1x1000000 --max-memory 1G
