# str basics: indexing, slicing, concatenation, repetition, membership, comparisons, len.
s = "Hello, World"
print(s[0], s[-1], s[3:8], s[:5], s[7:], s[::2], s[::-1], s[-5:-1], s[100:], s[-100:3])
print(s + "!", s * 2, "-" * 10, 3 * "ab", "" * 5)
print("World" in s, "world" in s, "" in s, "lo, W" not in s)
print(len(s), len(""), len("漢字"), "abc" < "abd", "Z" < "a", "abc" < "ab", "a" == "a")
print(s[1:10:3], s[10:1:-3], s[::-2], s[5:5], s[-1:-13:-1])
for ch in "abc":
    print(ch, ord(ch), end="; ")
print()
print(list("xyz"), tuple("xy"), sorted("banana"), "".join(reversed("stressed")))
try:
    s[20]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "h"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 2.0
except TypeError as e:
    print("TypeError:", e)
print(str(123), str(-1.5), str([1, "a"]), str(None), str(), str(b"x"))
print("abc".__len__(), "a".__add__("b"), max("hello"), min("hello"))
