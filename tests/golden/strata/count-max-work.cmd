count --dims 20,20,20,20,20,20,20,20 --rank 0 --max-work 1000
