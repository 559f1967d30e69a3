# Uncaught KeyError raised from a plain loop inside a nested function (no comprehension frames).
def totals(orders, prices):
    out = []
    for item, qty in orders:
        out.append(prices[item] * qty)
    return out
def report():
    return totals([("tea", 2), ("cake", 1)], {"tea": 3})
print(report())
