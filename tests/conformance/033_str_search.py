# find/rfind/index/rindex/count/replace with start/end bounds and errors.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.rfind("o", 0, 20))
print(s.index("quick"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""), "aaaa".count("aa"))
print(s.find(""), s.find("", 100), "abc".rfind(""), s.count("o", 15, 30))
try:
    s.index("cat")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("cat")
except ValueError as e:
    print("ValueError:", e)
print(s.replace("the", "THE"), s.replace("o", "0", 2), "aaa".replace("a", "b", 0))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"))
print("hello".replace("l", ""), "banana".replace("ana", "X"))
print("a-b-c".replace("-", "--").count("-"), "tab\there".expandtabs(), "a\tbc\td".expandtabs(4))
print("%s" % s.split()[::-1])
