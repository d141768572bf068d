analyze --bogus data/examples/demo.net
