"""JSON encoder and decoder (Spindle implementation).

Behaviour follows CPython 3.11's json package: same output text, same
error types and messages.
"""

__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]

_INF = float('inf')


# ---------------------------------------------------------------- errors

class JSONDecodeError(ValueError):
    """ValueError raised when a JSON document cannot be parsed.

    Attributes: msg, doc, pos, lineno, colno.
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        text = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, text)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class _NoValue(Exception):
    # Internal: "no JSON value starts at this index".
    def __init__(self, idx):
        Exception.__init__(self, idx)
        self.idx = idx


# ---------------------------------------------------------------- encoding

_SHORT_ESCAPES = {
    '"': '\\"',
    '\\': '\\\\',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f',
}


def _quote(s):
    # Escape only what JSON requires: quotes, backslashes, control chars.
    out = ['"']
    for ch in s:
        rep = _SHORT_ESCAPES.get(ch)
        if rep is not None:
            out.append(rep)
        elif ch < ' ':
            out.append('\\u%04x' % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return ''.join(out)


def _quote_ascii(s):
    # Like _quote, but everything outside printable ASCII becomes \uXXXX.
    out = ['"']
    for ch in s:
        rep = _SHORT_ESCAPES.get(ch)
        if rep is not None:
            out.append(rep)
        elif ' ' <= ch <= '~':
            out.append(ch)
        else:
            n = ord(ch)
            if n < 0x10000:
                out.append('\\u%04x' % n)
            else:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10),
                                               0xdc00 | (n & 0x3ff)))
    out.append('"')
    return ''.join(out)


class JSONEncoder(object):
    """Serialise Python objects to JSON text.

    Subclasses may override default() to support further types.
    """

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable'
                        % o.__class__.__name__)

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return _quote_ascii(o)
            return _quote(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        chunks = []
        _Writer(self).write(o, chunks, 0)
        return iter(chunks)


class _Writer(object):
    # One encoding run: holds the resolved options and the circularity marks.

    def __init__(self, enc):
        self.enc = enc
        self.quote = _quote_ascii if enc.ensure_ascii else _quote
        self.markers = {} if enc.check_circular else None
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.item_sep = enc.item_separator
        self.key_sep = enc.key_separator
        self.default = enc.default

    def floatstr(self, o):
        if o != o:
            text = 'NaN'
        elif o == _INF:
            text = 'Infinity'
        elif o == -_INF:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.enc.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def mark(self, o):
        if self.markers is not None:
            key = id(o)
            if key in self.markers:
                raise ValueError('Circular reference detected')
            self.markers[key] = o

    def unmark(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def write(self, o, out, level):
        if isinstance(o, str):
            out.append(self.quote(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self.floatstr(o))
        elif isinstance(o, (list, tuple)):
            self.write_list(o, out, level)
        elif isinstance(o, dict):
            self.write_dict(o, out, level)
        else:
            self.mark(o)
            self.write(self.default(o), out, level)
            self.unmark(o)

    def open_block(self, out, level):
        # Returns the separator to use between items of the new block.
        if self.indent is None:
            return self.item_sep
        newline = '\n' + self.indent * (level + 1)
        out.append(newline)
        return self.item_sep + newline

    def close_block(self, out, level):
        if self.indent is not None:
            out.append('\n' + self.indent * level)

    def write_list(self, lst, out, level):
        if not lst:
            out.append('[]')
            return
        self.mark(lst)
        out.append('[')
        sep = self.open_block(out, level)
        first = True
        for item in lst:
            if first:
                first = False
            else:
                out.append(sep)
            self.write(item, out, level + 1)
        self.close_block(out, level)
        out.append(']')
        self.unmark(lst)

    def key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.floatstr(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.enc.skipkeys:
            return None
        raise TypeError('keys must be str, int, float, bool or None, not %s'
                        % key.__class__.__name__)

    def write_dict(self, dct, out, level):
        if not dct:
            out.append('{}')
            return
        self.mark(dct)
        out.append('{')
        sep = self.open_block(out, level)
        items = dct.items()
        if self.enc.sort_keys:
            items = sorted(items)
        first = True
        for key, value in items:
            text = self.key_text(key)
            if text is None:
                continue
            if first:
                first = False
            else:
                out.append(sep)
            out.append(self.quote(text))
            out.append(self.key_sep)
            self.write(value, out, level + 1)
        self.close_block(out, level)
        out.append('}')
        self.unmark(dct)


# ---------------------------------------------------------------- decoding

_WS = ' \t\n\r'
_ESCAPES = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}
_HEX = '0123456789abcdefABCDEF'
_DIGITS = '0123456789'
_CONSTANTS = {
    '-Infinity': float('-inf'),
    'Infinity': float('inf'),
    'NaN': float('nan'),
}


def _skip_ws(s, i):
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _hex4(s, i):
    # Value of the 4 hex digits at s[i:i+4], or None.
    esc = s[i:i + 4]
    if len(esc) != 4:
        return None
    for c in esc:
        if c not in _HEX:
            return None
    return int(esc, 16)


def _scan_string(s, end, strict=True):
    """Decode the string body starting just after the opening quote at end-1.

    Returns (text, index after the closing quote).
    """
    begin = end - 1
    n = len(s)
    parts = []
    while True:
        start = end
        while end < n:
            c = s[end]
            if c == '"' or c == '\\' or (strict and c < ' '):
                break
            end += 1
        if end >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if end > start:
            parts.append(s[start:end])
        c = s[end]
        if c == '"':
            return ''.join(parts), end + 1
        if c != '\\':
            raise JSONDecodeError('Invalid control character at', s, end)
        end += 1
        if end >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[end]
        if esc != 'u':
            rep = _ESCAPES.get(esc)
            if rep is None:
                raise JSONDecodeError('Invalid \\escape', s, end - 1)
            parts.append(rep)
            end += 1
            continue
        uni = _hex4(s, end + 1)
        if uni is None:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, end)
        end += 5
        if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
            low = _hex4(s, end + 2)
            if low is None:
                raise JSONDecodeError('Invalid \\uXXXX escape', s, end + 1)
            if 0xdc00 <= low <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (low - 0xdc00))
                end += 6
        parts.append(chr(uni))


class _Scanner(object):
    # Recursive-descent parser bound to one decoder's options.

    def __init__(self, dec):
        self.strict = dec.strict
        self.object_hook = dec.object_hook
        self.object_pairs_hook = dec.object_pairs_hook
        self.parse_float = dec.parse_float
        self.parse_int = dec.parse_int
        self.parse_constant = dec.parse_constant

    def value(self, s, i):
        if i >= len(s):
            raise _NoValue(i)
        c = s[i]
        if c == '"':
            return _scan_string(s, i + 1, self.strict)
        if c == '{':
            return self.obj(s, i + 1)
        if c == '[':
            return self.array(s, i + 1)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        if c == 'N' and s.startswith('NaN', i):
            return self.parse_constant('NaN'), i + 3
        if c == 'I' and s.startswith('Infinity', i):
            return self.parse_constant('Infinity'), i + 8
        if c == '-' and s.startswith('-Infinity', i):
            return self.parse_constant('-Infinity'), i + 9
        return self.number(s, i)

    def number(self, s, i):
        n = len(s)
        j = i
        if j < n and s[j] == '-':
            j += 1
        if j >= n or s[j] not in _DIGITS:
            raise _NoValue(i)
        if s[j] == '0':
            j += 1
        else:
            while j < n and s[j] in _DIGITS:
                j += 1
        is_float = False
        if j + 1 < n and s[j] == '.' and s[j + 1] in _DIGITS:
            j += 2
            while j < n and s[j] in _DIGITS:
                j += 1
            is_float = True
        if j < n and s[j] in 'eE':
            k = j + 1
            if k < n and s[k] in '+-':
                k += 1
            if k < n and s[k] in _DIGITS:
                while k < n and s[k] in _DIGITS:
                    k += 1
                j = k
                is_float = True
        text = s[i:j]
        if is_float:
            return self.parse_float(text), j
        return self.parse_int(text), j

    def obj(self, s, i):
        pairs = []
        n = len(s)
        i = _skip_ws(s, i)
        if i < n and s[i] == '}':
            i += 1
        else:
            while True:
                if i >= n or s[i] != '"':
                    raise JSONDecodeError(
                        'Expecting property name enclosed in double quotes',
                        s, i)
                key, i = _scan_string(s, i + 1, self.strict)
                i = _skip_ws(s, i)
                if i >= n or s[i] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, i)
                i = _skip_ws(s, i + 1)
                val, i = self.value(s, i)
                pairs.append((key, val))
                i = _skip_ws(s, i)
                if i < n and s[i] == '}':
                    i += 1
                    break
                if i >= n or s[i] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, i)
                i = _skip_ws(s, i + 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), i
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, i

    def array(self, s, i):
        values = []
        n = len(s)
        i = _skip_ws(s, i)
        if i < n and s[i] == ']':
            return values, i + 1
        while True:
            val, i = self.value(s, i)
            values.append(val)
            i = _skip_ws(s, i)
            if i < n and s[i] == ']':
                return values, i + 1
            if i >= n or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = _skip_ws(s, i + 1)


class JSONDecoder(object):
    """Parse JSON text into Python objects."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return _Scanner(self).value(s, idx)
        except _NoValue as err:
            raise JSONDecodeError('Expecting value', s, err.idx) from None


# ---------------------------------------------------------------- API

def _detect_encoding(b):
    if b.startswith(b'\xef\xbb\xbf'):
        return 'utf-8-sig'
    if b.startswith(b'\xff\xfe\x00\x00') or b.startswith(b'\x00\x00\xfe\xff'):
        return 'utf-32'
    if b.startswith(b'\xff\xfe') or b.startswith(b'\xfe\xff'):
        return 'utf-16'
    if len(b) >= 4:
        if not b[0]:
            return 'utf-16-be' if b[1] else 'utf-32-be'
        if not b[1]:
            return 'utf-16-le' if b[2] or b[3] else 'utf-32-le'
    elif len(b) == 2:
        if not b[0]:
            return 'utf-16-be'
        if not b[1]:
            return 'utf-16-le'
    return 'utf-8'


def _bytes_to_str(b):
    enc = _detect_encoding(b)
    if enc == 'utf-8-sig':
        return bytes(b[3:]).decode('utf-8')
    return bytes(b).decode(enc)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Serialise obj to a JSON formatted str."""
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
               check_circular=check_circular, allow_nan=allow_nan,
               indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Serialise obj as JSON to the writable file-like object fp."""
    if cls is None:
        cls = JSONEncoder
    chunks = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                 check_circular=check_circular, allow_nan=allow_nan,
                 indent=indent, separators=separators, default=default,
                 sort_keys=sort_keys, **kw).iterencode(obj)
    for chunk in chunks:
        fp.write(chunk)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialise s (str, bytes or bytearray holding JSON) to Python."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)',
                                  s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError('the JSON object must be str, bytes or bytearray, '
                            'not %s' % s.__class__.__name__)
        s = _bytes_to_str(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialise JSON read from the file-like object fp."""
    return loads(fp.read(), cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)
