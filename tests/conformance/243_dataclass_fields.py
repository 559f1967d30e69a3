# dataclasses: field(default_factory), field(repr=False/compare=False), __post_init__, asdict with nesting.
from dataclasses import dataclass, field, asdict, is_dataclass
@dataclass
class Config:
    name: str
    options: dict = field(default_factory=dict)
    tags: list = field(default_factory=lambda: ["default"])
    secret: str = field(default="hidden", repr=False)
    version: int = field(default=1, compare=False)
a = Config("a")
b = Config("a", version=2)
a.options["k"] = 1
print(a, b, a == b, Config("a") == b)
print(asdict(a), asdict(b)["tags"] is not b.tags)
@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h
r = Rect(2, 3.5)
print(r, r.area)
print(is_dataclass(r), is_dataclass(Rect), is_dataclass(5))
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
root = Node(1, [Node(2), Node(3, [Node(4)])])
print(root)
print(asdict(root))
