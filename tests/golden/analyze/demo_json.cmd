analyze data/examples/demo.json --format json
