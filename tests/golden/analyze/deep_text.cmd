analyze data/examples/deep.net
