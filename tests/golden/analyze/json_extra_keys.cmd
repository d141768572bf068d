analyze tests/golden/analyze/json_extra_keys.json
