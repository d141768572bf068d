analyze data/examples/diag10-s3.net --tangent --normal --structured --check --format json
