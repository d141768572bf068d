move tests/golden/move/rank1.net
