# input(): read a count then that many lines of numbers from stdin, compute stats; prompts go to stdout.
n = int(input("how many? "))
rows = []
for i in range(n):
    rows.append([int(x) for x in input(f"row {i}: ").split(",")])
print()
print("rows", rows)
print("row sums", [sum(r) for r in rows])
print("col sums", [sum(c) for c in zip(*rows)])
print("max", max(max(r) for r in rows), "min", min(min(r) for r in rows))
rest = input()
print("trailing:", repr(rest))
