analyze data/examples/demo.net data/examples/deep.net
