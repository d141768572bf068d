analyze data/examples/planted2332.net --tangent --normal --structured --check
