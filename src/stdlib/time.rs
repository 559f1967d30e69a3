//! The `time` module: sleep (through the runtime's blocking gate) and clocks.

use super::{def, new_module};
use crate::runtime::blocking;
use crate::vm::value::*;
use crate::vm::{ops, Args, PyResult, Vm};

fn sleep(vm: &mut Vm, args: Args) -> PyResult {
    let Some(v) = args.pos.first() else {
        return Err(vm.type_error("sleep() takes exactly one argument (0 given)"));
    };
    let secs = ops::to_f64(vm, v).map_err(|_| vm.type_error(format!("'{}' object cannot be interpreted as an integer", ops::type_name(v))))?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    blocking::sleep(vm, secs)?;
    Ok(Value::None)
}

fn time(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Float(vm.run.host.wall_time()))
}

fn time_ns(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int((vm.run.host.wall_time() * 1e9) as i64))
}

fn monotonic(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Float(vm.run.host.monotonic()))
}

fn monotonic_ns(vm: &mut Vm, _args: Args) -> PyResult {
    Ok(Value::Int((vm.run.host.monotonic() * 1e9) as i64))
}

pub fn make(_vm: &mut Vm) -> Value {
    let m = new_module("time");
    def(&m, "sleep", sleep);
    def(&m, "time", time);
    def(&m, "time_ns", time_ns);
    def(&m, "monotonic", monotonic);
    def(&m, "monotonic_ns", monotonic_ns);
    def(&m, "perf_counter", monotonic);
    def(&m, "perf_counter_ns", monotonic_ns);
    def(&m, "process_time", monotonic);
    m
}
