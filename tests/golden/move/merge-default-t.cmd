move tests/golden/move/s6.net --merge 0-0,1-1
