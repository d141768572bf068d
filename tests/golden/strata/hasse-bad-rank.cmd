hasse --dims 3,1,3 --rank 2
