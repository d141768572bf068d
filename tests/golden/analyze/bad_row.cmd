analyze tests/golden/analyze/bad_row.net
