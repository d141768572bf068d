hasse --dims 3,3,3,3 --rank 0 --max-memory 1k
