hasse --help
