# strip family, case methods, title/capitalize/swapcase/casefold, removeprefix/suffix.
s = "  \t Hello World \n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "www.example.com".lstrip("w."), "mississippi".rstrip("ipz"))
print("hello world".upper(), "HeLLo".lower(), "hello wORLD foo".title(), "hello WORLD".capitalize())
print("they're bill's friends".title(), "3rd place".title(), "ßtraße".upper(), "Hello".swapcase())
print("ÉCOLE".lower(), "Straße".casefold(), "ǅ".lower())
print("prefix_body".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "abc".removeprefix("x"))
print("abc".isalpha(), "ab1".isalnum(), "123".isdigit(), "12.3".isdigit(), "²".isdigit(), "²".isdecimal())
print("   ".isspace(), "".isspace(), "Abc".istitle(), "ABC".isupper(), "abc".islower(), "a1".islower())
print("abc_1".isidentifier(), "1abc".isidentifier(), "٣".isnumeric(), "½".isnumeric(), "abc".isascii(), "é".isascii())
print("Hello".startswith("He"), "Hello".endswith(("lo", "x")), "Hello".startswith("l", 2), "Hello".endswith("l", 0, 4))
print("HELLO".lower().upper(), "mIxEd CaSe".swapcase(), "hello"[0].upper() + "hello"[1:])
