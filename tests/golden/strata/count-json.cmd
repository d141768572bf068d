count --dims 10,10,10,10,10,10 --rank 3 --format json
