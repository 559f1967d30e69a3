# multiprocessing.Manager(): dict, list, Value and Namespace proxies changed
# by a forked child and seen by the parent; str() shows the referent, errors
# raised in the server come back as themselves; after shutdown a proxy
# raises BrokenPipeError.
import multiprocessing as mp
from multiprocessing.managers import SyncManager, DictProxy, ListProxy


def child(d, l, v, ns):
    d['child'] = 1
    d.update({'x': 10}, y=20)
    print('child sees', d.get('a'), len(d), 'a' in d, 'zz' in d, d.get('zz', '-'))
    l.append('from child')
    l += [7, 8]
    l[0] = 'first'
    v.value += 5
    ns.who = 'child'
    ns.count = ns.count + 1


if __name__ == '__main__':
    with mp.Manager() as m:
        print(type(m).__name__, isinstance(m, SyncManager))
        d = m.dict(a=1)
        l = m.list([1, 2])
        v = m.Value('i', 3)
        ns = m.Namespace(count=0)
        print(type(d).__name__, type(l).__name__, type(v).__name__, type(ns).__name__)
        print(isinstance(d, DictProxy), isinstance(l, ListProxy))
        print(d, l, v, ns)
        print(repr(d).startswith("<DictProxy object, typeid 'dict' at 0x"))
        print(repr(l).startswith("<ListProxy object, typeid 'list' at 0x"))
        p = mp.Process(target=child, args=(d, l, v, ns))
        p.start()
        p.join()
        print('exitcode', p.exitcode)
        print(d)
        print(sorted(d.keys()), sorted(d.values()), sorted(d.items()))
        print(list(d), [k for k in d], len(d), bool(d))
        print(d.copy(), type(d.copy()).__name__, d._getvalue() == d.copy())
        print(l, len(l), l[0], l[-1], l[1:3], list(l), list(reversed(l)))
        print(l + ['z'], type(l + ['z']).__name__, l.index(7), l.count(8), 8 in l)
        print(v.value, v.get(), str(v))
        print(ns, ns.who, ns.count)
        try:
            d['missing']
        except KeyError as e:
            print('KeyError', repr(e))
        try:
            l[99]
        except IndexError as e:
            print('IndexError', e)
        try:
            d.pop('nope')
        except KeyError as e:
            print('KeyError', e)
        try:
            l.remove('nope')
        except ValueError as e:
            print('ValueError', e)
        try:
            ns.nothing
        except AttributeError as e:
            print('AttributeError', e)
        try:
            d.nothing
        except AttributeError as e:
            print('AttributeError', e)
        print(d.pop('x'), d.setdefault('s', []), d.popitem(), len(d))
        del d['a']
        del l[0]
        l *= 2
        print(d, l)
        d.clear()
        print(d, len(d), bool(d))
        # Values come back as copies: changing one changes nothing shared.
        d['inner'] = [1]
        inner = d['inner']
        inner.append(2)
        print(d['inner'], inner)
    print('state after with', m._state.value)
    try:
        d['a'] = 1
    except BrokenPipeError as e:
        print('BrokenPipeError', e)
    m.shutdown()
    print(mp.Process().name)
