move --merge 0-0,1-1
