# Program: dynamic programming — LCS, edit distance, knapsack, coin change, longest increasing subsequence.
def lcs(a, b):
    dp = [[""] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            dp[i][j] = a[i] + dp[i + 1][j + 1] if a[i] == b[j] else max(dp[i + 1][j], dp[i][j + 1], key=len)
    return dp[0][0]
def edit(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
def knapsack(items, cap):
    best = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            best[c] = max(best[c], best[c - w] + v)
    return best[cap]
def coins(amount, denoms):
    ways = [1] + [0] * amount
    for d in denoms:
        for a in range(d, amount + 1):
            ways[a] += ways[a - d]
    return ways[amount]
def lis(seq):
    tails = []
    for x in seq:
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        i = lo
        tails[i:i + 1] = [x]
    return len(tails)
print(lcs("AGGTAB", "GXTXAYB"), lcs("ABCBDAB", "BDCABA"))
print(edit("kitten", "sitting"), edit("", "abc"), edit("flaw", "lawn"))
print(knapsack([(12, 4), (2, 2), (1, 1), (1, 2), (4, 10)], 15))
print(coins(100, [1, 5, 10, 25, 50]), coins(1000, [1, 2, 5, 10, 20, 50, 100, 200]))
print(lis([10, 9, 2, 5, 3, 7, 101, 18]), lis(list(range(50, 0, -1))))
