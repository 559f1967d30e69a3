//! The `os` module: the few process facts a playground program asks for.

use super::{def, new_module, set};
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};

fn getpid(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(vm.run.host.pid() as i64))
}

fn cpu_count(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int(vm.run.opts.cpu_count.unwrap_or_else(|| vm.run.host.cpu_count()) as i64))
}

fn getcwd(_vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::str("/"))
}

fn path_join(vm: &mut Vm, args: Args) -> PyResult {
    let mut out = String::new();
    for a in &args.pos {
        let s = ops::str_(vm, a)?;
        if s.starts_with('/') {
            out = s;
        } else {
            if !out.is_empty() && !out.ends_with('/') {
                out.push('/');
            }
            out.push_str(&s);
        }
    }
    Ok(Value::str(out))
}

fn path_basename(vm: &mut Vm, args: Args) -> PyResult {
    let s = ops::str_(vm, &args.pos[0])?;
    Ok(Value::str(s.rsplit('/').next().unwrap_or("")))
}

pub fn make_path(_vm: &mut Vm) -> Value {
    let m = new_module("posixpath");
    def(&m, "join", path_join);
    def(&m, "basename", path_basename);
    set(&m, "sep", Value::str("/"));
    m
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module("os");
    def(&m, "getpid", getpid);
    def(&m, "cpu_count", cpu_count);
    def(&m, "getcwd", getcwd);
    set(&m, "name", Value::str("posix"));
    set(&m, "sep", Value::str("/"));
    set(&m, "linesep", Value::str("\n"));
    set(&m, "environ", crate::vm::new_dict());
    set(&m, "path", make_path(vm));
    m
}
