# Benchmark: object method calls, attribute reads/writes, properties, inheritance and super().
class Shape:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def area(self):
        return 0
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self

class Rect(Shape):
    def __init__(self, x, y, w, h):
        super().__init__(x, y)
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
    @property
    def perimeter(self):
        return 2 * (self.w + self.h)

class Square(Rect):
    def __init__(self, x, y, s):
        super().__init__(x, y, s, s)
    def area(self):
        return self.w * self.w

def run(n):
    shapes = [Rect(i, i, i % 7 + 1, i % 5 + 1) if i % 2 else Square(i, -i, i % 9 + 1) for i in range(100)]
    total = 0
    for i in range(n):
        for s in shapes:
            total += s.area()
            s.move(1, -1)
        total += shapes[i % 100].perimeter + shapes[i % 100].x
    return total

print("methods checksum", run(50000))
