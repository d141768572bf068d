verify --dims 10,10,10,10,10,10 --rank 10
