frobnicate --dims 2,2
