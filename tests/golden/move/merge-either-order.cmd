move tests/golden/move/s6.net --merge 1-1,0-0 --t 3
