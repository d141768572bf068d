analyze - --flow --tangent --structured --format json
