# @dataclass(order=True) comparisons and sorting, frozen=True immutability and hashing.
from dataclasses import dataclass, FrozenInstanceError
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 1)]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9, 9), max(vs))
try:
    Version(1) < (1, 0, 0)
except TypeError as e:
    print("TypeError:", e)
@dataclass(frozen=True)
class P:
    x: int
    y: int
p = P(1, 2)
try:
    p.x = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(isinstance(FrozenInstanceError(), AttributeError))
print(hash(p) == hash(P(1, 2)), len({p, P(1, 2), P(2, 1)}), {p: "v"}[P(1, 2)])
@dataclass
class Unhashable:
    a: int
print(Unhashable.__hash__ is None)
@dataclass(unsafe_hash=True)
class H:
    a: int
print(hash(H(3)) == hash(H(3)))
