analyze data/examples/deep.net --max-work 631
