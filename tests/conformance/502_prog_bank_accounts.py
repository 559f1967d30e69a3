# Program: bank accounts with classes, exceptions, class-level counters, properties and a transaction log.
class InsufficientFunds(Exception):
    pass
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.log = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amt
        self.log.append(("dep", amt))
    def withdraw(self, amt):
        if amt > self._balance:
            raise InsufficientFunds(f"{self.owner} has {self._balance}, needs {amt}")
        self._balance -= amt
        self.log.append(("wd", amt))
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self._balance})"
class Savings(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self._balance * self.rate, 2)
        self.deposit(interest)
        return interest
def transfer(src, dst, amt):
    try:
        src.withdraw(amt)
    except InsufficientFunds as e:
        print("transfer failed:", e)
        return False
    dst.deposit(amt)
    return True
a, b = Account("ann", 100), Savings("bob", 50, 0.1)
print(transfer(a, b, 30), transfer(b, a, 500), a, b)
print(b.add_interest(), b.balance, b.log, a.log)
for bad in [0, -5]:
    try:
        a.deposit(bad)
    except ValueError as e:
        print("ValueError:", e)
accounts = [a, b, Account("cy", 75)]
print(sorted(accounts, key=lambda x: x.balance), sum(x.balance for x in accounts))
