hasse --dims 2,2,2 --rank 0 --format svg --label id,glyph,ranks,codim,components
