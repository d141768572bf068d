hasse --dims 2,2,2 --rank 0 --format tikz --width 12cm --levels codim --label glyph
