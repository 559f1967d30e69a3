//! Modules written in Rust. `import` looks here: each module is built on
//! first import per run and cached in the run's module table.

pub mod math;
pub mod mp;
pub mod os;
pub mod pickle;
pub mod contextlib;
pub mod operator;
pub mod pymods;
pub mod random;
pub mod itertools;
pub mod functools;
pub mod collections;
pub mod deque;
pub mod frozen;
pub mod dataclasses;
pub mod spindle;
pub mod sys;
pub mod thread;
pub mod time;

use crate::vm::eval::ns_dict;
use crate::vm::types::{native_fn, types};
use crate::vm::value::*;
use crate::vm::{PyResult, Vm};

/// The names `import` resolves to built-in modules.
pub const MODULES: &[&str] = &["sys", "time", "math", "os", "random", "itertools", "functools", "collections", "dataclasses", "operator", "contextlib", "pickle", "_pickle", "_thread", "_spindle", "_spindle_mp"];

pub fn is_builtin_module(name: &str) -> bool {
    matches!(name, "sys" | "builtins" | "time" | "math" | "itertools" | "_thread")
}

/// A new empty module object.
pub fn new_module(name: &str) -> Value {
    let d = crate::vm::new_dict();
    let dobj = d.obj().unwrap().clone();
    ns_dict(&dobj).set_str("__name__", Value::str(name));
    ns_dict(&dobj).set_str("__doc__", Value::None);
    Value::Obj(Obj::new(Payload::Module(ModuleData { name: name.to_string(), dict: dobj })))
}

pub fn module_dict(m: &Value) -> ObjRef {
    match m.payload() {
        Some(Payload::Module(md)) => md.dict.clone(),
        _ => panic!("not a module"),
    }
}

pub fn module_name(m: &Value) -> String {
    match m.payload() {
        Some(Payload::Module(md)) => md.name.clone(),
        _ => "?".into(),
    }
}

/// Set a native function in a module.
pub fn def(m: &Value, name: &'static str, f: NativeFn) {
    ns_dict(&module_dict(m)).set_str(name, native_fn(name, f));
}

/// Set a value in a module.
pub fn set(m: &Value, name: &str, v: Value) {
    ns_dict(&module_dict(m)).set_str(name, v);
}

/// import NAME (built-in modules only).
pub fn import_module(vm: &mut Vm, name: &str) -> PyResult {
    if let Some(m) = lock(&vm.run.modules).get(name) {
        return Ok(m.clone());
    }
    let m = match name {
        "sys" => sys::make(vm),
        "time" => time::make(vm),
        "_thread" => thread::make(vm),
        "_spindle" => spindle::make(vm),
        "_spindle_mp" => mp::make(vm),
        "math" => math::make(vm),
        "os" => os::make(vm),
        "os.path" => os::make_path(vm),
        "random" => random::make(vm),
        "operator" => operator::make(vm),
        "contextlib" => contextlib::make(vm),
        "pickle" => pickle::make(vm),
        "_pickle" => import_module(vm, "pickle")?,
        // queue.Empty and SimpleQueue say they are _queue's, as in CPython: pickle finds them there.
        "_queue" => import_module(vm, "queue")?,
        "itertools" => itertools::make(vm),
        "functools" => functools::make(vm),
        "collections" => collections::make(vm),
        "dataclasses" => dataclasses::make(vm),
        "builtins" => {
            let m = new_module("builtins");
            if let Some(Payload::Module(md)) = m.payload() {
                let _ = md;
            }
            Value::Obj(Obj::new(Payload::Module(ModuleData { name: "builtins".into(), dict: vm.run.builtins.clone() })))
        }
        _ if pymods::source(name).is_some() => {
            // A submodule's package is imported first and gets it as an attribute.
            let parent = match name.rsplit_once('.') {
                Some((p, _)) => Some(import_module(vm, p)?),
                None => None,
            };
            // Registered before its body runs, as CPython does, so that
            // circular imports see the partly built module.
            let m = new_module(name);
            register(vm, name, &m);
            if let Err(e) = pymods::exec_module(vm, &m, name) {
                lock(&vm.run.modules).remove(name);
                return Err(e);
            }
            if let Some(p) = parent {
                set(&p, name.rsplit_once('.').unwrap().1, m.clone());
            }
            return Ok(m);
        }
        _ => {
            let e = vm.new_exc(&types().exc("ModuleNotFoundError"), format!("No module named '{}'", name));
            if let Value::Obj(o) = &e {
                if let Some(d) = &o.dict {
                    d.set_str("name", Value::str(name));
                }
            }
            return Err(crate::vm::Flow::Exc(e));
        }
    };
    register(vm, name, &m);
    Ok(m)
}

/// Enter a module in the run's table and in sys.modules.
fn register(vm: &mut Vm, name: &str, m: &Value) {
    lock(&vm.run.modules).insert(name.to_string(), m.clone());
    // Keep sys.modules in step.
    let sys = lock(&vm.run.modules).get("sys").cloned();
    if let Some(sys) = sys {
        if let Some(mods) = ns_dict(&module_dict(&sys)).get_str("modules") {
            if let Some(Payload::Dict(d)) = mods.payload() {
                d.set_str(name, m.clone());
            }
        }
    }
}
