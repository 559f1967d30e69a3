//! The `dataclasses` module: @dataclass (init/repr/eq/order/frozen/unsafe_hash/
//! kw_only/match_args), field(), fields, asdict, astuple, replace, KW_ONLY, InitVar.
//! Embedded Python after CPython's Lib/dataclasses.py; methods are generated source run by `_exec`.

use crate::vm::value::*;
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> Value {
    let m = super::new_module("dataclasses");
    super::def(&m, "_exec", super::collections::exec_in);
    super::pymods::build_module(vm, &m, "dataclasses");
    m
}

#[cfg(not(spindle_external_stdlib))] // wasm: the source is in pkg/stdlib.bin
pub(crate) const SOURCE: &str = r####"class FrozenInstanceError(AttributeError):
    pass

class _MISSING_TYPE:
    pass
MISSING = _MISSING_TYPE()

class _KW_ONLY_TYPE:
    pass
KW_ONLY = _KW_ONLY_TYPE
KW_ONLY.__name__ = KW_ONLY.__qualname__ = 'KW_ONLY'

class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'
_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()

class InitVar:
    def __init__(self, type):
        self.type = type
    def __repr__(self):
        return f'dataclasses.InitVar[{self.type!r}]'
    def __class_getitem__(cls, type):
        return InitVar(type)

_FIELD = 'FIELD'
_FIELD_CLASSVAR = 'CLASSVAR'
_FIELD_INITVAR = 'INITVAR'

class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None
    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type})')

def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)

def _is_classvar(a):
    if isinstance(a, str):
        return a.startswith('ClassVar') or a.startswith('typing.ClassVar')
    r = repr(a)
    return r.startswith('typing.ClassVar')

def _is_kw_only(a):
    if isinstance(a, str):
        return a in ('KW_ONLY', 'dataclasses.KW_ONLY')
    return a is KW_ONLY

def _is_initvar(a):
    if isinstance(a, str):
        return a.startswith('InitVar') or a.startswith('dataclasses.InitVar')
    return a is InitVar or isinstance(a, InitVar)

def _get_field(cls, a_name, a_type, default_kw_only):
    default = cls.__dict__.get(a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        f.kw_only = False
    if f._field_type is _FIELD and (isinstance(f.default, (list, dict, set, bytearray)) or getattr(f.default.__class__, '__hash__', 0) is None):
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f

def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False

def _create_fn(cls, name, args, body, ns):
    src = f"def {name}({args}):\n" + "".join(f"    {line}\n" for line in body)
    ns.setdefault('__name__', cls.__module__)
    _exec(src, ns)
    fn = ns[name]
    fn.__qualname__ = f"{cls.__qualname__}.{name}"
    return fn

def _field_init(f, frozen, ns, self_name):
    default_name = f'__dataclass_dflt_{f.name}__'
    if f.default_factory is not MISSING:
        ns[default_name] = f.default_factory
        if f.init:
            value = (f'{default_name}() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}')
        else:
            value = f'{default_name}()'
    else:
        if f.init:
            if f.default is MISSING:
                value = f.name
            else:
                ns[default_name] = f.default
                value = f.name
        else:
            return None
    if f._field_type is _FIELD_INITVAR:
        return None
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__({self_name},{f.name!r},{value})'
    return f'{self_name}.{f.name}={value}'

def _init_param(f):
    if f.default is MISSING and f.default_factory is MISSING:
        default = ''
    elif f.default is not MISSING:
        default = f'=__dataclass_dflt_{f.name}__'
    else:
        default = '=__dataclass_HAS_DEFAULT_FACTORY__'
    return f'{f.name}{default}'

def _init_fn(cls, fields, std_fields, kw_only_fields, frozen, has_post_init):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
    ns = {'__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
          '__dataclass_builtins_object__': object}
    body = []
    for f in fields:
        line = _field_init(f, frozen, ns, 'self')
        if line:
            body.append(line)
    if has_post_init:
        params_str = ','.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f'self.__post_init__({params_str})')
    if not body:
        body = ['pass']
    params = ['self'] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params += ['*'] + [_init_param(f) for f in kw_only_fields]
    return _create_fn(cls, '__init__', ', '.join(params), body, ns)

def _tuple_str(obj_name, fields):
    if not fields:
        return '()'
    return f'({",".join([f"{obj_name}.{f.name}" for f in fields])},)'

def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    fields = {}
    if cls.__module__ in _sys_modules_names:
        pass
    setattr(cls, '__dataclass_params__', (init, repr, eq, order, unsafe_hash, frozen))
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    KW_ONLY_seen = False
    for name, type in cls_annotations.items():
        if _is_kw_only(type):
            if KW_ONLY_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            KW_ONLY_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type, kw_only))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and not name in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    setattr(cls, '__dataclass_fields__', fields)
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and '__eq__' in cls.__dict__))
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    all_init_fields = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.init and f.kw_only]
    if init:
        has_post_init = hasattr(cls, '__post_init__')
        _set_new_attribute(cls, '__init__',
                           _init_fn(cls, all_init_fields, std_init_fields, kw_only_init_fields, frozen, has_post_init))
    field_list = [f for f in fields.values() if f._field_type is _FIELD]
    if repr:
        flds = [f for f in field_list if f.repr]
        body = ['return self.__class__.__qualname__ + f"(' + ', '.join([f"{f.name}={{self.{f.name}!r}}" for f in flds]) + ')"']
        _set_new_attribute(cls, '__repr__', _create_fn(cls, '__repr__', 'self', body, {}))
    if eq:
        flds = [f for f in field_list if f.compare]
        self_tuple = _tuple_str('self', flds)
        other_tuple = _tuple_str('other', flds)
        body = ['if other.__class__ is self.__class__:',
                f'    return {self_tuple}=={other_tuple}',
                'return NotImplemented']
        _set_new_attribute(cls, '__eq__', _create_fn(cls, '__eq__', 'self, other', body, {}))
    if order:
        flds = [f for f in field_list if f.compare]
        self_tuple = _tuple_str('self', flds)
        other_tuple = _tuple_str('other', flds)
        for name, op in [('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')]:
            body = ['if other.__class__ is self.__class__:',
                    f'    return {self_tuple}{op}{other_tuple}',
                    'return NotImplemented']
            if _set_new_attribute(cls, name, _create_fn(cls, name, 'self, other', body, {})):
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}. Consider using '
                                'functools.total_ordering')
    if frozen:
        fnames = tuple(f.name for f in field_list)
        ns = {'__dataclass_cls__': cls, '__dataclass_fields_names__': fnames, 'FrozenInstanceError': FrozenInstanceError}
        body = ['if type(self) is __dataclass_cls__ or name in __dataclass_fields_names__:',
                '    raise FrozenInstanceError(f"cannot assign to field {name!r}")',
                'super(__dataclass_cls__, self).__setattr__(name, value)']
        if _set_new_attribute(cls, '__setattr__', _create_fn(cls, '__setattr__', 'self, name, value', body, dict(ns))):
            raise TypeError(f'Cannot overwrite attribute __setattr__ in class {cls.__name__}')
        body = ['if type(self) is __dataclass_cls__ or name in __dataclass_fields_names__:',
                '    raise FrozenInstanceError(f"cannot delete field {name!r}")',
                'super(__dataclass_cls__, self).__delattr__(name)']
        if _set_new_attribute(cls, '__delattr__', _create_fn(cls, '__delattr__', 'self, name', body, dict(ns))):
            raise TypeError(f'Cannot overwrite attribute __delattr__ in class {cls.__name__}')
    # __hash__ (CPython's table).
    hash_fields = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    def _hash_add():
        return _create_fn(cls, '__hash__', 'self', [f'return hash({_tuple_str("self", hash_fields)})'], {})
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        cls.__hash__ = _hash_add()
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _hash_add()
    elif eq and not frozen:
        if not has_explicit_hash:
            cls.__hash__ = None
    if not getattr(cls, '__doc__'):
        cls.__doc__ = cls.__name__ + '(...)'
    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))
    return cls

_sys_modules_names = ()

def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)

def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)

def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')

def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')

def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)

def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    else:
        return obj

def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)

def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    elif isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    elif isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    elif isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items())
    else:
        return obj

def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, '__dataclass_fields__').values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)

def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            annotations[item] = 'typing.Any'
        elif len(item) == 2:
            annotations[item[0]] = item[1]
        else:
            annotations[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns['__annotations__'] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)
"####;
