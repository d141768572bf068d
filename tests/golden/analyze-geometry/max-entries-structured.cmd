analyze data/examples/diag10.net --tangent --normal --structured --max-entries 50
