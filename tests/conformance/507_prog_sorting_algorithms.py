# Program: hand-written sorting algorithms checked against sorted(): quick, merge, insertion, heap-free selection.
import random
def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot, *rest = xs
    return quicksort([x for x in rest if x < pivot]) + [pivot] + quicksort([x for x in rest if x >= pivot])
def mergesort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a, b = mergesort(xs[:mid]), mergesort(xs[mid:])
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    return out + a[i:] + b[j:]
def insertion(xs):
    xs = list(xs)
    for i in range(1, len(xs)):
        k, j = xs[i], i - 1
        while j >= 0 and xs[j] > k:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = k
    return xs
def selection(xs):
    xs = list(xs)
    for i in range(len(xs)):
        m = min(range(i, len(xs)), key=xs.__getitem__)
        xs[i], xs[m] = xs[m], xs[i]
    return xs
random.seed(7)
data = [random.randint(-50, 50) for _ in range(40)]
print(data)
ref = sorted(data)
print(ref)
print([f(data) == ref for f in (quicksort, mergesort, insertion, selection)])
words = "pear apple fig banana kiwi cherry".split()
print(mergesort(words), quicksort(words), insertion(words[::-1]))
