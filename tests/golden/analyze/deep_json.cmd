analyze data/examples/deep.net --format=json
