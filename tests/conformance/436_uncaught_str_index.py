# Uncaught IndexError from string indexing inside a while loop.
word = "abc"
i = 0
while True:
    print(word[i])
    i += 1
