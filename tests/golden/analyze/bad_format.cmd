analyze data/examples/demo.net --format xml
