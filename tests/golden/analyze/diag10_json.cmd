analyze data/examples/diag10.net --format json
