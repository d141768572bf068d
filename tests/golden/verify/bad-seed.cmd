verify --dims 2,2,2 --rank 0 --seed -1
