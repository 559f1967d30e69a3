# Program: a singly linked list class with iteration, len, indexing, reversal, repr and equality.
class Node:
    def __init__(self, val, nxt=None):
        self.val, self.next = val, nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self._n = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self._n += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self):
        return self._n
    def __getitem__(self, i):
        if i < 0:
            i += self._n
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("linked list index out of range")
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
        return self
    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)
    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"
ll = LinkedList([1, 2, 3])
ll.push(0)
print(ll, len(ll), ll[0], ll[-1], 2 in ll, list(ll))
print(ll.reverse(), ll == LinkedList([3, 2, 1, 0]), ll == [3, 2, 1, 0])
try:
    ll[10]
except IndexError as e:
    print("IndexError:", e)
print(LinkedList(), len(LinkedList("abc")), sum(LinkedList(range(101))), sorted(LinkedList("zxy")))
