analyze tests/golden/analyze/hex.net
