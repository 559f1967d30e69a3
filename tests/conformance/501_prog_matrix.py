# Program: matrix operations with lists — multiply, transpose, determinant (Fractions-free), identity, power.
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def transpose(m):
    return [list(r) for r in zip(*m)]
def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
def mpow(m, k):
    r = identity(len(m))
    while k:
        if k & 1:
            r = matmul(r, m)
        m = matmul(m, m)
        k >>= 1
    return r
A = [[1, 2], [3, 4]]
B = [[0, 1], [1, 0]]
print(matmul(A, B), transpose([[1, 2, 3], [4, 5, 6]]), det(A), det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]))
print(mpow([[1, 1], [1, 0]], 90)[0][1])
M = [[(i * 7 + j * 3) % 10 for j in range(4)] for i in range(4)]
for row in M:
    print(" ".join(f"{v:3d}" for v in row))
print(det(M), matmul(M, identity(4)) == M, transpose(transpose(M)) == M)
print([[round(v / 3, 2) for v in row] for row in A])
