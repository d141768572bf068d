invariants --dims 3,3,3,3,3 --rank 0 --max-strata 100 --format json
