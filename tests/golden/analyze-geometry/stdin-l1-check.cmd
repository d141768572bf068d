analyze - --flow --tangent --normal --check --format json
