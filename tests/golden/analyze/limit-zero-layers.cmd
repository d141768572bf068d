analyze tests/golden/analyze/zero-layers.net
