# Program: word frequencies, longest words, character classes and a simple formatted report.
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness."""
words = [w.strip(".,").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(len(words), len(freq))
for w, c in top:
    print(f"{w:<10}{c:>3} {'#' * c}")
longest = max(words, key=len)
print("longest:", longest, len(longest))
print("by length:", sorted(set(words), key=lambda w: (len(w), w))[-4:])
letters = sum(c.isalpha() for c in text)
upper = sum(c.isupper() for c in text)
print(f"letters={letters} upper={upper} lines={len(text.splitlines())} commas={text.count(',')}")
caps = [w for w in text.replace(",", " ").replace(".", " ").split() if w[0].isupper()]
print(caps)
print(" ".join(w.capitalize() for w in words[:8]))
