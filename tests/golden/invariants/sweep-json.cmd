invariants --sweep --widths 1..2 --layers 2..2 --rank 1 --format json
