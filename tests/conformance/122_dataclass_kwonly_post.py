# dataclass extras: kw_only fields, __post_init__ validation, unannotated class attrs excluded, inheritance defaults.
from dataclasses import dataclass, field, KW_ONLY
@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1
print(Opts(level=3), Opts())
try:
    Opts(True)
except TypeError as e:
    print("TypeError:", e)
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 0
    c: int = 1
print(Mixed(1, c=5), Mixed(a=2))
@dataclass
class Account:
    owner: str
    balance: float = 0.0
    rate = 0.05
    def __post_init__(self):
        if self.balance < 0:
            raise ValueError(f"negative balance for {self.owner}")
print(Account("ann", 10), Account.rate)
try:
    Account("bob", -1)
except ValueError as e:
    print("ValueError:", e)
@dataclass
class Base:
    x: int = 1
@dataclass
class Derived(Base):
    y: int = 2
    x: int = 10
print(Derived(), Derived(3, 4))
@dataclass(repr=False)
class NoRepr:
    v: int
    def __repr__(self):
        return f"<NoRepr {self.v}>"
print(NoRepr(5), [NoRepr(1)])
