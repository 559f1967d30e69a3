# Program: inventory management with dataclasses, sorting, grouping with defaultdict and Counter reports.
from dataclasses import dataclass, field
from collections import defaultdict, Counter
@dataclass(order=True)
class Item:
    sort_key: tuple = field(init=False, repr=False)
    name: str
    category: str
    price: float
    qty: int = 0
    def __post_init__(self):
        self.sort_key = (self.category, -self.price)
    @property
    def value(self):
        return round(self.price * self.qty, 2)
stock = [Item("hammer", "tools", 12.5, 4), Item("nails", "tools", 0.05, 1000), Item("apple", "food", 0.4, 120),
         Item("drill", "tools", 89.99, 2), Item("bread", "food", 2.25, 10), Item("lamp", "home", 19.0)]
for it in sorted(stock):
    print(f"{it.category:<6} {it.name:<7} {it.price:>7.2f} x{it.qty:<5} = {it.value:>8.2f}")
by_cat = defaultdict(list)
for it in stock:
    by_cat[it.category].append(it.name)
print(dict(by_cat))
print(Counter(it.category for it in stock).most_common())
print(max(stock, key=lambda i: i.value).name, round(sum(i.value for i in stock), 2), [i.name for i in stock if not i.qty])
print(stock[0], stock[0] == Item("hammer", "tools", 12.5, 4))
