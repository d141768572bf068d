canonical --barcode 0-2
