analyze data/examples/demo.net --subspaces --flow --tangent --normal --check --format json
