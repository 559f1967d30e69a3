# Building strings: join vs +=, reversed words, caesar cipher, run-length encoding, str.format tables.
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! xyz"
enc = caesar(msg, 3)
print(enc, caesar(enc, -3), caesar(msg, 26) == msg)
def rle(s):
    out = ""
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out += f"{j - i}{s[i]}"
        i = j
    return out
print(rle("aaabccddddde"), rle(""), rle("x"))
print(" ".join(reversed("the sky is blue".split())), "-".join(w[::-1] for w in "ab cd".split()))
rows = [("apple", 1.5, 10), ("kiwi", 0.25, 200), ("watermelon", 3.0, 2)]
print("{:<12}|{:>8}|{:>5}".format("name", "price", "qty"))
for r in rows:
    print("{:<12}|{:>8.2f}|{:>5d}".format(*r))
print("=" * 27)
acc = ""
for i in range(5):
    acc += str(i) * i
print(acc, len(acc), acc.count("4"))
print("%-6s|%6s|" % ("ab", "cd"), "|".join(f"{i:02x}" for i in range(10, 15)))
