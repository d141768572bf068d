move tests/golden/move/missing.net --merge 0-0,1-1
