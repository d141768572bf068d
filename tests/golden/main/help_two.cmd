help strata count
