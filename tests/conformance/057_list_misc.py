# More list behaviour: multiplication by negatives, in-place ops, list of lists aliasing, equality, copies.
a = [1, 2, 3]
print(a * 0, a * -1, a * 2, [None] * 3, [[]] * 0)
b = a
a += [4]
print(b, a is b)
a = a + [5]
print(b, a is b)
a *= 2
print(a)
rows = [[0] * 2 for _ in range(2)]
rows[0][0] = 1
shared = [[0] * 2] * 2
shared[0][0] = 1
print(rows, shared)
nested = [[1, 2], [3]]
sh = nested.copy()
dp = [row[:] for row in nested]
nested[0].append(99)
print(sh, dp)
print([1, [2, 3]] == [1, [2, 3]], [1, 2] != [2, 1], [] < [0], [0] < [0, 0], [2] > [1, 9])
lst = list(range(5))
print(lst.__len__(), lst.__getitem__(2), lst.__contains__(4), list(reversed(lst)), lst[::-1] == lst[::-1])
lst.extend(x * 10 for x in range(2))
print(lst, [x for x in lst if x], lst.count(0))
stack = []
stack.append(1); stack.append(2); print(stack.pop(), stack)
queue = [1, 2, 3]; print(queue.pop(0), queue)
print(list(map(list, ["ab", "c"])), [list(t) for t in zip([1, 2], [3, 4])])
print(sorted([[3, "c"], [1, "a"], [2, "b"]])[0], min([[2], [1, 5]]), sum([[1], [2, 3]], []))
