verify --dims 3,3,3,3 --product - --format json
