analyze data/examples/diag10-s3.net --subspaces --format json
