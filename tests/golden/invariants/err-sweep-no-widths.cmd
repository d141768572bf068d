invariants --sweep --layers 1..2
