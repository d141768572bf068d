strata --dims 2,3,2 --rank 1 --format latex --columns id,volume
