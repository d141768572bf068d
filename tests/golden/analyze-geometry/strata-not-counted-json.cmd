analyze data/examples/deep.net --max-work 10 --format json
