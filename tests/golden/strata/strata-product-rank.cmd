strata --dims 2,1,2 --product - 
