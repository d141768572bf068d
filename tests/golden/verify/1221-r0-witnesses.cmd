verify --dims 1,2,2,1 --rank 0 --witnesses
