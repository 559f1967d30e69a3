# Unicode strings: len counts code points, indexing non-BMP chars, upper/lower of non-ASCII, encode lengths.
s = "naïve café 😀 漢字"
print(len(s), s[6], s[-1], s[11], s.upper(), s.title(), s[::-1])
print(len(s.encode("utf-8")), len("😀".encode()), "😀".encode(), len("é"), len("e\u0301"))
print("é" == "e\u0301", sorted(["é", "e", "z", "E"]), "ß".upper(), "ﬁ".upper(), "İ".lower() == "i\u0307")
print([hex(ord(c)) for c in "aé漢😀"], "\u00e9" == "é", "\N{GREEK SMALL LETTER ALPHA}")
print("日本語".center(9, "*"), "日本語".find("本"), "日本語".split("本"), "ab😀cd".index("c"))
print("Ω".isalpha(), "٣".isdigit(), "①".isdigit(), "Ⅳ".isnumeric(), " ".isspace(), "\u3000".isspace())
print(repr("\u200b"), repr("\ufeff"), repr("\u0085"), repr("\u00a0"), ascii("漢"))
print("x".join(["α", "β"]), "ΑΒΓ".lower(), "ǈ".upper(), "ǈ".title(), "Straße".casefold() == "strasse")
print("😀" * 3, "😀" in "a😀b", "a😀b".replace("😀", ":)"), max("a😀b"), min("ωa"))
