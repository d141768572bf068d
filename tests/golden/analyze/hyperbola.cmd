analyze tests/golden/analyze/hyperbola.net
