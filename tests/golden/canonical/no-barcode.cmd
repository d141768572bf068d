canonical --dims 2,3,2
