analyze tests/golden/analyze/exponent_huge.net
