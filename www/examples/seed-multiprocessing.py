# The seed article's multiprocessing example, with its typographic quotes
# fixed and the missing start() and join() calls restored. Each Process runs
# in its own interpreter (in the browser: a Web Worker with its own
# WebAssembly instance and memory), so both print at the same time.
from multiprocessing import Process

def print_numbers():
    for i in range(10):
        print(f"  {i}")

def print_letters():
    for letter in 'abcdefghij':
        print(f"  {letter}")

p1 = Process(target=print_numbers)
p2 = Process(target=print_letters)

p1.start()
p2.start()

p1.join()
p2.join()
