hasse --dims 2,2,2 --rank 0 --label nonsense
