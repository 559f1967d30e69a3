# Uncaught AttributeError on an instance of a user class, raised from a method.
class Account:
    def __init__(self):
        self.balance = 10
    def report(self):
        return self.overdraft_limitzz
acct = Account()
print(acct.balance)
print(acct.report())
