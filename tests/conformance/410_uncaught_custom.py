# Uncaught custom exception with a custom __str__ and args.
class InventoryError(Exception):
    def __init__(self, item, qty):
        super().__init__(item, qty)
        self.item, self.qty = item, qty
    def __str__(self):
        return f"cannot take {self.qty} of {self.item}"
def take(item, qty):
    raise InventoryError(item, qty)
print("taking")
take("bolts", 7)
