# An unknown \N{...} name: CPython names the escape bytes in the literal.
x = "ab\N{NOT A NAME}"
