invariants --sweep --widths 1..3 --layers 1..3 --max-memory 1k
