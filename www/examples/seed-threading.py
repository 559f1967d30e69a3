# The seed article's threading example, with its typographic quotes fixed and
# the missing start() and join() calls restored. The two threads really run at
# once, so numbers and letters interleave differently from run to run.
import threading

def print_numbers():
    for i in range(10):
        print(f"  {i}")

def print_letters():
    for letter in 'abcdefghij':
        print(f" {letter}")

t1 = threading.Thread(target=print_numbers)
t2 = threading.Thread(target=print_letters)

t1.start()
t2.start()

t1.join()
t2.join()
