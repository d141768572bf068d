canonical --help
