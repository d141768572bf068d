invariants --help
