analyze tests/golden/analyze/zero_width.net --format json
