verify --dims 2,2,2,2 --rank 1 --format json --witnesses
