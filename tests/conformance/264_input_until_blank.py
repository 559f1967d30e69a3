# input() in a loop until an empty line, then count words; remaining stdin lines are read but unused.
words = []
while True:
    line = input()
    if not line.strip():
        break
    words.extend(line.split())
print(len(words), sorted(set(w.lower() for w in words)))
print(max(words, key=len), " ".join(reversed(words)))
unused = input()
print("unused line:", unused)
try:
    input()
except EOFError:
    print("EOF reached")
