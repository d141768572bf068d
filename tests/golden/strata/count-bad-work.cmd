count --dims 4,2,4 --rank 1 --max-work 0
