# Custom exception classes: hierarchies, catching order, attributes, raising classes vs instances.
class ShopError(Exception):
    pass
class OutOfStock(ShopError):
    def __init__(self, item):
        super().__init__(f"{item} is out of stock")
        self.item = item
class PaymentError(ShopError):
    pass
def buy(item, money):
    if item == "unicorn":
        raise OutOfStock(item)
    if money < 10:
        raise PaymentError("insufficient funds", money)
    return f"bought {item}"
for item, money in [("apple", 20), ("unicorn", 100), ("pear", 5)]:
    try:
        print(buy(item, money))
    except OutOfStock as e:
        print("OutOfStock:", e, e.item)
    except ShopError as e:
        print(type(e).__name__ + ":", e, e.args)
try:
    raise PaymentError
except PaymentError as e:
    print("class raised:", repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise OutOfStock("x")
    except (PaymentError, OutOfStock) as e:
        print("tuple except", type(e).__name__)
        raise ShopError("wrapped") from e
except ShopError as e:
    print(e, "<-", e.__cause__)
excs = (ValueError, TypeError)
try:
    int("zz")
except excs as e:
    print("dynamic tuple:", type(e).__name__)
