//! Exception groups (PEP 654): BaseExceptionGroup / ExceptionGroup
//! construction rules, `split`, `subgroup` and `derive`, and the two steps of
//! `except*` that the eval loop calls: matching a clause (`star_match`) and
//! building what is left to raise at the end (`prep_reraise_star`).

use crate::vm::exc;
use crate::vm::types::{method, static_method, types};
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};

fn is_group(v: &Value) -> bool {
    ops::isinstance_cls(v, &types().exc("BaseExceptionGroup"))
}

/// The sub-exceptions of a group (empty for anything else). `args[1]` is the
/// sequence as given (a list or tuple; __new__ checked it).
pub fn sub_exceptions(v: &Value) -> Vec<Value> {
    if !is_group(v) {
        return Vec::new();
    }
    match exc::args_of(v).get(1).and_then(|l| l.payload()) {
        Some(Payload::Tuple(t)) => t.to_vec(),
        Some(Payload::List(l)) => lock(l).clone(),
        _ => Vec::new(),
    }
}

fn message(v: &Value) -> Value {
    exc::args_of(v).first().cloned().unwrap_or_else(|| Value::str(""))
}

/// BaseExceptionGroup.__new__(cls, message, exceptions): validate, and pick
/// ExceptionGroup when BaseExceptionGroup is given only Exceptions.
fn group_new(vm: &mut Vm, args: Args) -> PyResult {
    let t = types();
    let Some(mut cls) = args.pos.first().and_then(|c| c.obj().cloned()) else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(): not enough arguments"));
    };
    if args.pos.len() != 3 {
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.pos.len() - 1)));
    }
    let msg = &args.pos[1];
    if msg.as_str().is_none() {
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() argument 1 must be str, not {}", ops::type_name(msg))));
    }
    let seq = &args.pos[2];
    let is_seq = matches!(seq.payload(), Some(Payload::List(_) | Payload::Tuple(_))) || crate::vm::types::is_sequence_class(&ops::class_of(seq));
    if !is_seq {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = ops::iterate(vm, seq)?;
    // Keep the sequence as given (repr shows it); a user sequence becomes a tuple.
    let given = if matches!(seq.payload(), Some(Payload::List(_) | Payload::Tuple(_))) { seq.clone() } else { Value::tuple(excs.clone()) };
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let base = t.exc("BaseException");
    let exception = t.exc("Exception");
    for (i, e) in excs.iter().enumerate() {
        if !ops::isinstance_cls(e, &base) {
            return Err(vm.value_error(format!("Item {} of second argument (exceptions) is not an exception", i)));
        }
    }
    let all_exceptions = excs.iter().all(|e| ops::isinstance_cls(e, &exception));
    if std::sync::Arc::ptr_eq(&cls, &t.exc("BaseExceptionGroup")) {
        if all_exceptions {
            cls = t.exc("ExceptionGroup");
        }
    } else if ops::is_subclass(&cls, &exception) && !all_exceptions {
        let where_ = if std::sync::Arc::ptr_eq(&cls, &t.exc("ExceptionGroup")) {
            "an ExceptionGroup".to_string()
        } else {
            format!("'{}'", lock(&cls.class_data().unwrap().name))
        };
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in {}", where_)));
    }
    Ok(exc::new_exception_of(&cls, vec![msg.clone(), given]))
}

fn group_init(_vm: &mut Vm, _args: Args) -> PyResult {
    // __new__ did the work; args stay (message, exceptions).
    Ok(Value::None)
}

/// str(eg): "message (N sub-exceptions)".
pub fn group_str(vm: &mut Vm, e: &Value) -> PyResult<String> {
    let n = sub_exceptions(e).len();
    let msg = ops::str_(vm, &message(e))?;
    Ok(format!("{} ({} sub-exception{})", msg, n, if n == 1 { "" } else { "s" }))
}

/// repr(eg): the class, the message, and the exceptions as they were given.
pub fn group_repr(vm: &mut Vm, e: &Value) -> PyResult<String> {
    let a = exc::args_of(e);
    let msg = ops::repr(vm, &message(e))?;
    let excs = ops::repr(vm, a.get(1).unwrap_or(&Value::None))?;
    Ok(format!("{}({}, {})", ops::type_name(e), msg, excs))
}

/// `eg.derive(excs)`: a group like this one with other exceptions.
fn group_derive(vm: &mut Vm, args: Args) -> PyResult {
    let e = &args.pos[0];
    let Some(excs) = args.pos.get(1) else {
        return Err(vm.type_error("derive() takes exactly one argument (0 given)"));
    };
    let cls = types().exc("BaseExceptionGroup");
    group_new(vm, Args::new(vec![Value::Obj(cls), message(e), excs.clone()]))
}

/// Build a group like `orig` holding `excs`, with orig's traceback, cause,
/// context and notes, as CPython's split does.
fn derive_like(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult {
    let derive = ops::getattr(vm, orig, &Value::str("derive"))?;
    let g = vm.call(&derive, vec![Value::list(excs)])?;
    if !is_group(&g) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(src), Some(dst)) = (exc::exc_data(orig), exc::exc_data(&g)) {
        *lock(&dst.traceback) = lock(&src.traceback).clone();
        *lock(&dst.cause) = lock(&src.cause).clone();
        *lock(&dst.context) = lock(&src.context).clone();
    }
    if let (Value::Obj(o), Value::Obj(n)) = (orig, &g) {
        if let (Some(od), Some(nd)) = (&o.dict, &n.dict) {
            if let Some(notes) = od.get_str("__notes__") {
                nd.set_str("__notes__", notes);
            }
        }
    }
    Ok(g)
}

/// What a split matches on.
enum Matcher {
    Type(Value),
    Predicate(Value),
    Leaves(Vec<usize>),
}

impl Matcher {
    fn from_arg(vm: &mut Vm, v: &Value) -> PyResult<Matcher> {
        let is_class = |v: &Value| matches!(v.payload(), Some(Payload::Class(_)));
        let base = types().exc("BaseException");
        let ok_type = |v: &Value| is_class(v) && ops::is_subclass(v.obj().unwrap(), &base);
        if ok_type(v) || v.tuple_items().is_some_and(|t| t.iter().all(ok_type)) {
            return Ok(Matcher::Type(v.clone()));
        }
        if ops::callable(v) && !is_class(v) {
            return Ok(Matcher::Predicate(v.clone()));
        }
        Err(vm.type_error("expected an exception type, a tuple of exception types, or a callable (other than a class)"))
    }

    fn matches(&self, vm: &mut Vm, e: &Value) -> PyResult<bool> {
        match self {
            Matcher::Type(t) => exc::exception_matches(vm, e, t),
            Matcher::Predicate(f) => {
                let r = vm.call(f, vec![e.clone()])?;
                ops::truthy(vm, &r)
            }
            Matcher::Leaves(ids) => Ok(!is_group(e) && ids.contains(&e.id())),
        }
    }
}

/// (match, rest) of `e` under `m`; either may be None.
fn split_rec(vm: &mut Vm, e: &Value, m: &Matcher, want_rest: bool) -> PyResult<(Option<Value>, Option<Value>)> {
    if m.matches(vm, e)? {
        return Ok((Some(e.clone()), None));
    }
    if !is_group(e) {
        return Ok((None, Some(e.clone())));
    }
    let (mut ms, mut rs) = (Vec::new(), Vec::new());
    for sub in sub_exceptions(e) {
        let (a, b) = split_rec(vm, &sub, m, want_rest)?;
        ms.extend(a);
        if want_rest {
            rs.extend(b);
        }
    }
    let mg = if ms.is_empty() { None } else { Some(derive_like(vm, e, ms)?) };
    let rg = if rs.is_empty() { None } else { Some(derive_like(vm, e, rs)?) };
    Ok((mg, rg))
}

fn group_split(vm: &mut Vm, args: Args) -> PyResult {
    let Some(arg) = args.pos.get(1) else {
        return Err(vm.type_error("split() takes exactly one argument (0 given)"));
    };
    let m = Matcher::from_arg(vm, arg)?;
    let (a, b) = split_rec(vm, &args.pos[0], &m, true)?;
    Ok(Value::tuple(vec![a.unwrap_or(Value::None), b.unwrap_or(Value::None)]))
}

fn group_subgroup(vm: &mut Vm, args: Args) -> PyResult {
    let Some(arg) = args.pos.get(1) else {
        return Err(vm.type_error("subgroup() takes exactly one argument (0 given)"));
    };
    let m = Matcher::from_arg(vm, arg)?;
    Ok(split_rec(vm, &args.pos[0], &m, false)?.0.unwrap_or(Value::None))
}

/// `except* T`: split `rest` by `ty`. Returns (match, new rest). A naked
/// exception that matches is wrapped in ExceptionGroup("", (e,)).
pub fn star_match(vm: &mut Vm, rest: &Value, ty: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
    let group = types().exc("BaseExceptionGroup");
    let is_group_type = |v: &Value| v.obj().is_some_and(|c| matches!(c.payload, Payload::Class(_)) && ops::is_subclass(c, &group));
    if is_group_type(ty) || ty.tuple_items().is_some_and(|t| t.iter().any(is_group_type)) {
        return Err(vm.type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
    }
    if rest.is_none() {
        return Ok((None, None));
    }
    // Validates the type(s) as `except` does.
    let whole = exc::exception_matches(vm, rest, ty)?;
    if !is_group(rest) {
        if !whole {
            return Ok((None, Some(rest.clone())));
        }
        let cls = types().exc("BaseExceptionGroup");
        let g = group_new(vm, Args::new(vec![Value::Obj(cls), Value::str(""), Value::tuple(vec![rest.clone()])]))?;
        if let (Some(src), Some(dst)) = (exc::exc_data(rest), exc::exc_data(&g)) {
            *lock(&dst.traceback) = lock(&src.traceback).clone();
        }
        return Ok((Some(g), None));
    }
    split_rec(vm, rest, &Matcher::Type(ty.clone()), true)
}

fn leaf_ids(e: &Value, out: &mut Vec<usize>) {
    if is_group(e) {
        for s in sub_exceptions(e) {
            leaf_ids(&s, out);
        }
    } else {
        out.push(e.id());
    }
}

/// The end of `except*`: `excs` are what the handlers raised or re-raised and
/// the unmatched rest (`rest`, possibly None). Returns what to raise, if anything.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, rest: &Value, mut excs: Vec<Value>) -> PyResult<Option<Value>> {
    if !rest.is_none() {
        excs.push(rest.clone());
    }
    if excs.is_empty() {
        return Ok(None);
    }
    if !is_group(orig) {
        // A naked exception: at most one clause ran. What it raised (or
        // re-raised: the wrapper group) goes, else the exception itself.
        return Ok(Some(excs.swap_remove(0)));
    }
    let mut orig_leaves = Vec::new();
    leaf_ids(orig, &mut orig_leaves);
    let (mut raised, mut reraised_leaves) = (Vec::new(), Vec::new());
    for e in excs {
        let mut ids = Vec::new();
        leaf_ids(&e, &mut ids);
        if ids.iter().all(|i| orig_leaves.contains(i)) {
            reraised_leaves.extend(ids);
        } else {
            raised.push(e);
        }
    }
    let reraised = if reraised_leaves.is_empty() { None } else { split_rec(vm, orig, &Matcher::Leaves(reraised_leaves), false)?.0 };
    if raised.is_empty() {
        return Ok(reraised);
    }
    raised.extend(reraised);
    let cls = types().exc("BaseExceptionGroup");
    Ok(Some(group_new(vm, Args::new(vec![Value::Obj(cls), Value::str(""), Value::list(raised)]))?))
}

pub fn register() {
    let g = types().exc("BaseExceptionGroup");
    static_method(&g, "__new__", group_new);
    method(&g, "__init__", group_init);
    method(&g, "derive", group_derive);
    method(&g, "split", group_split);
    method(&g, "subgroup", group_subgroup);
}
