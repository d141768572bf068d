verify --dims 3,2 --rank 1
