# Subclasses of builtin types keep their class, value and attributes.
import pickle

class MyInt(int):
    pass
class MyStr(str):
    pass
class MyFloat(float):
    pass
class MyTuple(tuple):
    pass
class MyList(list):
    pass
class MyDict(dict):
    pass
class MySet(set):
    pass
class MyBytes(bytes):
    pass

values = [MyInt(5), MyStr('s'), MyFloat(2.5), MyTuple((1, 2)), MyList([1, 2, 3]),
          MyDict(a=1, b=2), MySet({1}), MyBytes(b'raw')]
tagged = MyList([9])
tagged.tag = 'hello'
values.append(tagged)
d = MyDict(x=1)
d.note = 'n'
values.append(d)
big = MyList(range(1001))
values.append(big)
for v in values:
    data = pickle.dumps(v)
    if v is not big:
        print(type(v).__name__, data)
    r = pickle.loads(data)
    print('  ->', type(r).__name__, r == v, vars(r) if hasattr(r, '__dict__') else '')
for proto in range(6):
    print(proto, pickle.dumps([MyInt(1), MyList([2]), MyDict(k=3)], protocol=proto))
    r = pickle.loads(pickle.dumps([MyInt(1), MyList([2]), MyDict(k=3)], protocol=proto))
    print(proto, [type(x).__name__ for x in r], r)
