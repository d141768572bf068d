analyze data/examples/diag10.net --tangent --normal --max-entries 50
