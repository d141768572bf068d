invariants --sweep --widths 1-3 --layers 1..2
