strata --help
