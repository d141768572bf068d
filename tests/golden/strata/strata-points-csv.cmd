strata --dims 2,2,2 --rank 0 --points --format csv
