//! Function objects: creation by MakeFunction, and the method/function types.

use super::types;
use crate::vm::eval::ns_dict;
use crate::vm::value::*;
use std::sync::Mutex;

/// Build a function from a code constant plus defaults, kwdefaults and closure.
pub fn make_function(code_v: Value, globals: ObjRef, defaults: Option<Value>, kwdefaults: Option<Value>, closure: Option<Value>) -> Value {
    let Some(Payload::Code(code)) = code_v.payload() else { panic!("MakeFunction without code") };
    let defaults = defaults.and_then(|d| d.tuple_items().map(|t| t.to_vec())).unwrap_or_default();
    let kwdefaults = match kwdefaults.as_ref().and_then(|k| k.payload()) {
        Some(Payload::Dict(d)) => d.items().into_iter().map(|(k, v)| (k.as_str().unwrap_or("").to_string(), v)).collect(),
        _ => Vec::new(),
    };
    let closure = closure
        .and_then(|c| c.tuple_items().map(|t| t.iter().filter_map(|x| x.obj().cloned()).collect()))
        .unwrap_or_default();
    let module = ns_dict(&globals).get_str("__name__").unwrap_or(Value::None);
    let f = Function {
        name: Mutex::new(code.name.clone()),
        qualname: Mutex::new(code.qualname.clone()),
        code: code.clone(),
        globals,
        defaults,
        kwdefaults,
        closure,
        module,
    };
    Value::Obj(std::sync::Arc::new(Obj { cls: None, payload: Payload::Function(f), dict: Some(crate::vm::value::InstDict::default()) }))
}

pub fn register() {
    let _ = types();
}
