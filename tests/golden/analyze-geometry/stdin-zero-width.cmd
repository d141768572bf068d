analyze - --subspaces --flow --tangent --normal --check
