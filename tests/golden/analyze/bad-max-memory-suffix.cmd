analyze data/examples/demo.net --max-memory 12X
