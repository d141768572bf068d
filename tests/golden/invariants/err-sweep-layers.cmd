invariants --sweep --widths 1..2 --layers 0..2
