# \N{...} escapes: names, any case, names made by rule (CJK, Hangul).
print("\N{SNOWMAN}", "\N{greek small letter alpha}", "\N{Em Dash}")
print("\N{CJK UNIFIED IDEOGRAPH-4E00}", "\N{HANGUL SYLLABLE GAG}", "\N{HANGUL SYLLABLE A}")
print(ascii("\N{LATIN SMALL LETTER E WITH ACUTE}\N{COMBINING ACUTE ACCENT}"))
print(len("\N{BLACK HEART SUIT}\N{VARIATION SELECTOR-16}"))
