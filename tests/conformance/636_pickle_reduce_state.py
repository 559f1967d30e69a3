# User classes control pickling: __reduce__, __reduce_ex__, __getstate__,
# __setstate__, __getnewargs__, __getnewargs_ex__, copyreg.pickle.
import copyreg
import pickle

class Reduced:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __reduce__(self):
        return (Reduced, (self.a, self.b))

class WithState:
    def __init__(self, a):
        self.a = a
    def __reduce__(self):
        return (WithState, (0,), {'a': self.a, 'extra': 'yes'})

class ReduceEx:
    def __init__(self, v):
        self.v = v
    def __reduce_ex__(self, proto):
        print('reduce_ex called with', proto)
        return (ReduceEx, (self.v * 2,))
    def __reduce__(self):
        raise AssertionError('not used')

class Stateful:
    def __init__(self):
        self.visible = 1
        self.cache = 'big'
    def __getstate__(self):
        state = self.__dict__.copy()
        del state['cache']
        return state
    def __setstate__(self, state):
        print('setstate', sorted(state.items()))
        for k, v in state.items():
            setattr(self, k, v)
        self.cache = 'rebuilt'

class NoneState:
    def __init__(self):
        self.x = 1
    def __getstate__(self):
        return None

class TupleState:
    def __getstate__(self):
        return ('a', 1)
    def __setstate__(self, st):
        self.st = st

class NewArgs:
    def __new__(cls, n):
        print('__new__', n)
        obj = super().__new__(cls)
        obj.n = n
        return obj
    def __init__(self, n):
        raise AssertionError('__init__ is not called by unpickling')
    def __getnewargs__(self):
        return (self.n,)

class NewArgsEx:
    def __new__(cls, a, *, b):
        obj = super().__new__(cls)
        obj.ab = (a, b)
        return obj
    def __getnewargs_ex__(self):
        return ((self.ab[0],), {'b': self.ab[1]})

class ByName:
    def __reduce__(self):
        return 'SINGLETON'

SINGLETON = ByName()

class Items:
    def __init__(self):
        self.data = []
        self.map = {}
    def append(self, x):
        self.data.append(x)
    def extend(self, xs):
        self.data.extend(xs)
    def __setitem__(self, k, v):
        self.map[k] = v
    def __reduce__(self):
        return (Items, (), None, iter([1, 2, 3]), iter([('k', 'v'), ('j', 'w')]))

def set_state(obj, state):
    print('state_setter', sorted(state.items()))
    for k, v in state.items():
        setattr(obj, k, v)

class Setter:
    def __reduce__(self):
        return (Setter, (), {'s': 1}, None, None, set_state)

def reconstruct(v):
    r = Registered.__new__(Registered)
    r.v = v
    return r

class Registered:
    def __init__(self, v):
        self.v = v

copyreg.pickle(Registered, lambda r: (reconstruct, (r.v,)))

for obj in [Reduced(1, 'two'), WithState(5), ReduceEx(21), Stateful(), NoneState(), TupleState(),
            NewArgs.__new__(NewArgs, 7), NewArgsEx(1, b=2), SINGLETON, Items(), Setter(), Registered('reg')]:
    data = pickle.dumps(obj)
    print(type(obj).__name__, data)
    r = pickle.loads(data)
    print('  ->', type(r).__name__, sorted((k, v) for k, v in vars(r).items()) if hasattr(r, '__dict__') else r)
print(pickle.loads(pickle.dumps(SINGLETON)) is SINGLETON)
for proto in range(6):
    print(proto, pickle.dumps(NewArgs.__new__(NewArgs, 3), protocol=proto))
    print(proto, pickle.dumps(Stateful(), protocol=proto))
print(pickle.dumps(NewArgsEx(1, b=2), protocol=4))
