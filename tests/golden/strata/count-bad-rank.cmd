count --dims 4,2,4 --rank 3
