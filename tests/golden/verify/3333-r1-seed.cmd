verify --dims 3,3,3,3 --rank 1 --seed 12345
