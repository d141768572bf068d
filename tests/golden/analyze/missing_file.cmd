analyze data/examples/no-such-file.net
