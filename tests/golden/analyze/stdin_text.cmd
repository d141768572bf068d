analyze -
