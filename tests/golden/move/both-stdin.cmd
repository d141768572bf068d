move - --hidden 1 --matrix -
