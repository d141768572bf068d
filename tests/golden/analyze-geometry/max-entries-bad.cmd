analyze data/examples/diag10.net --tangent --max-entries 1e6
