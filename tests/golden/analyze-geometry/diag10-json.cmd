analyze data/examples/diag10.net --tangent --normal --format json
