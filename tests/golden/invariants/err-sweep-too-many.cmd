invariants --sweep --widths 1..20 --layers 1..8
