//! `_spindle`: Spindle's own hooks for its Python modules (not part of the
//! standard library): record timeline events, and ask how the run executes.

use super::{def, new_module};
use crate::vm::types;
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};

/// trace(lane, kind, detail=""): record a timeline event (asyncio's task lanes).
fn trace(vm: &mut Vm, args: Args) -> PyResult {
    types::check_args(vm, "trace", &args, 2, 3)?;
    let mut parts = Vec::new();
    for v in &args.pos {
        parts.push(ops::str_(vm, v)?);
    }
    parts.resize(3, String::new());
    vm.run.trace(&parts[0], &parts[1], &parts[2]);
    Ok(Value::None)
}

/// The calling thread's timeline lane.
fn lane(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::str(vm.lane.as_str()))
}

/// Whether threads interleave on one worker (no SharedArrayBuffer).
fn green(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Bool(vm.run.green))
}

pub fn make(_vm: &mut Vm) -> Value {
    let m = new_module("_spindle");
    def(&m, "trace", trace);
    def(&m, "lane", lane);
    def(&m, "green", green);
    m
}
