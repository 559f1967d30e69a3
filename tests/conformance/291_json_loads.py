# json.loads / json.load / JSONDecoder / JSONDecodeError must match CPython.
import json


class Buffer:
    # minimal file-like object for dump()/load()
    def __init__(self, text=''):
        self.parts = [text]
    def write(self, chunk):
        self.parts.append(chunk)
    def read(self):
        return ''.join(self.parts)

def show(s, **k):
    try:
        v = json.loads(s, **k)
        print(repr(v), type(v).__name__)
    except json.JSONDecodeError as e:
        print('JSONDecodeError', e, '|', repr(e.msg), e.pos, e.lineno, e.colno, e.doc == s)
    except Exception as e:
        print(type(e).__name__, e)

for s in ['null', 'true', 'false', '0', '-0', '12', '-12', '1.5', '-0.25',
          '1e3', '1E-2', '2.5e+3', '123456789012345678901234567890',
          '"abc"', '""', '  [ 1 , 2 ]  ', '\n{"a" : \t1}\r\n', '[]', '{}',
          '[[[]]]', '{"a": {"b": [1, {"c": null}]}}', '{"a": 1, "a": 2}',
          'NaN', 'Infinity', '-Infinity', '[NaN, -Infinity]']:
    show(s)

# string escapes
show(r'"a\"b\\c\/d\be\ff\ng\rh\ti"')
show(r'"\u00e9\u20AC"')
show(r'"\ud83d\ude00"')
show('"caf\xe9 \U0001f600"')
show('"tab\there"', strict=False)

# errors
for s in ['', '   ', 'x', '[', '[1', '[1,', '[1,]', '[1 2]', '{', '{"a"',
          '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{a:1}', '{"a" 1}',
          '{"a":1 "b":2}', '[1] x', '1 2', '"abc', '"a\\', '"\\q"',
          '"\\u12"', '"\\u12zz"', '"\\ud83d\\u12"', '"a\nb"', '"tab\there"',
          'nul', 'tru', '-', '-x', '01', '1.', '1.e5', '1e', '1e+', '.5',
          '[1,\n 2,\n 3 x]', '{\n  "a": 1,\n  "b" 2\n}', '\ufeff[1]',
          '[1, 2, 3]]', 'true false', 'NaNx', '[-Infinity, -Inf]']:
    show(s)

show(5)
show(None)
show(b'[1, "x"]')
show(bytearray(b'{"k": true}'))
show('[1, 2]'.encode('utf-16'))
show('[1, 2]'.encode('utf-16-le'))
show('[1, 2]'.encode('utf-16-be'))
show(b'\xef\xbb\xbf[3]')

# hooks
print(json.loads('{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=list))
print(json.loads('{"x": {"y": 1}}', object_pairs_hook=lambda p: ('P', p),
                 object_hook=lambda d: ('H', d)))
print(json.loads('[1.5, 2, 3e2]', parse_float=str))
print(json.loads('[1.5, 2, -30]', parse_int=lambda t: 'int:' + t))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda t: t.lower()))
class Num:
    def __init__(self, text):
        self.text = text
    def __repr__(self):
        return 'Num(%r)' % self.text
print(json.loads('[1.10, 2]', parse_float=Num))

# JSONDecodeError details
e = None
try:
    json.loads('{\n "a": [1,\n  2,,]\n}')
except ValueError as exc:
    e = exc
print(type(e).__name__, isinstance(e, ValueError), e.msg, e.pos, e.lineno, e.colno)
print(e.args)
err = json.JSONDecodeError('Custom', 'ab\ncd', 4)
print(err, err.lineno, err.colno, err.args)
print(issubclass(json.JSONDecodeError, ValueError))

# JSONDecoder
dec = json.JSONDecoder()
print(dec.decode(' [1, {"a": "b"}] '))
print(dec.raw_decode('{"a": 1} trailing'))
print(dec.raw_decode('xx[1, 2]yy', 2))
try:
    dec.raw_decode(' [1]')
except json.JSONDecodeError as exc:
    print('raw_decode:', exc)

class TupleDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_pairs_hook=tuple, **kw)
print(json.loads('{"a": [1, {"b": 2}]}', cls=TupleDecoder))

# round trip
doc = {"name": "Spindle", "nums": [1, -2, 3.25, 1e-10, 10 ** 20], "ok": True,
       "none": None, "text": "line\nbreak \u00e9 \U0001f600 \"q\"", "nested": {"l": [[], {}]}}
for kw in [{}, {"indent": 2}, {"ensure_ascii": False}, {"separators": (',', ':')}]:
    text = json.dumps(doc, **kw)
    print(json.loads(text) == doc, len(text))

print(json.load(Buffer('{"from": "file", "n": [1, 2]}')))
