analyze data/examples/planted2332.net --flow --format json
