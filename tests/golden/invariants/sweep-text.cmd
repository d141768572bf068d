invariants --sweep --widths 1..2 --layers 1..2
