strata --dims 2,3,2 --product - --hasse
