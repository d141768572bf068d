move --help
