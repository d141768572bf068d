analyze data/examples/diag10.net --subspaces
