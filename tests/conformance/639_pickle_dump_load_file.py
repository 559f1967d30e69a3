# dump and load through any object with write / read and readline; several
# pickles in one stream load one after another.
import pickle

class Stream:
    def __init__(self):
        self.buf = b''
        self.pos = 0
        self.writes = 0
    def write(self, b):
        self.writes += 1
        self.buf += b
        return len(b)
    def read(self, n=-1):
        if n < 0:
            n = len(self.buf) - self.pos
        out = self.buf[self.pos:self.pos + n]
        self.pos += len(out)
        return out
    def readline(self):
        i = self.buf.find(b'\n', self.pos)
        end = len(self.buf) if i < 0 else i + 1
        out = self.buf[self.pos:end]
        self.pos = end
        return out

s = Stream()
items = [1, 'two', [3, 4], {'five': 5}, None, 2**70, ('big', 'x' * 70000)]
for it in items:
    pickle.dump(it, s)
for proto in range(6):
    pickle.dump(['proto', proto, {'a': (1, 2)}], s, protocol=proto)
pickle.dump('last', s, 0)
print(len(s.buf))
for it in items:
    r = pickle.load(s)
    print(r == it, repr(r)[:40])
for proto in range(6):
    print(pickle.load(s))
print(pickle.load(s))
try:
    pickle.load(s)
except EOFError as e:
    print('EOFError:', e)
