analyze data/examples/diag10-s2.net --tangent --normal --check
