move - --merge 1-1,2-2 --t 1/7
