analyze data/examples/demo.net
