analyze --format json tests/golden/analyze/exponents.net
