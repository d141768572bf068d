verify --dims 0,0,0 --rank 0
