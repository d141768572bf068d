analyze data/examples/diag10.net --check --max-entries 100
