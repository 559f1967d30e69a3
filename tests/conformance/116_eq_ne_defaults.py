# Default __eq__ is identity, __ne__ derived from __eq__, reflected __eq__ order, comparison with None.
class P:
    def __init__(self, v):
        self.v = v
class Q:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("Q.__eq__ called")
        return isinstance(other, Q) and self.v == other.v
a = P(1)
print(a == a, a == P(1), a != P(1), a is a)
print(Q(1) == Q(1), Q(1) != Q(2))
print(Q(1) == P(1))
print(P(1) == Q(1))
print(Q(1) == None, None == Q(1), [Q(1)] == [Q(1)], Q(1) in [Q(1)])
class Sub(Q):
    def __eq__(self, other):
        print("Sub.__eq__ called")
        return True
print(Q(1) == Sub(2))
class Always:
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
print(Always() == 5, 5 == Always(), Always() != 5, [1, 2].count(Always()), Always() in [1])
print(len({Always(), Always()}))
