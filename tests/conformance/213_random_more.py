# More seeded random: large ranges, negative seeds, shuffle of strings list, state save/restore.
import random
random.seed(-5)
print(random.random(), random.randint(-10, 10))
random.seed(1)
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
random.shuffle(words)
print(words)
print([random.randrange(2 ** 40) for _ in range(3)])
print(random.sample(words, k=len(words)))
state = random.getstate()
x1 = [random.random() for _ in range(3)]
random.setstate(state)
x2 = [random.random() for _ in range(3)]
print(x1 == x2)
random.seed(99)
dice = [random.randint(1, 6) for _ in range(30)]
print(dice, sum(dice))
print(random.choice(range(1000)), random.uniform(0, 1) < 1)
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError:", type(e).__name__)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print("ValueError:", e)
