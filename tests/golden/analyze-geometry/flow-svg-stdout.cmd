analyze data/examples/diag10.net --flow-svg -
