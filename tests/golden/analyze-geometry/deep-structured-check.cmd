analyze data/examples/deep.net --tangent --normal --structured --check
