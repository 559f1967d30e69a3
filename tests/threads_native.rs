//! Proof that the VM is ready for threads: several OS threads run Python
//! bytecode on the same objects at once, without locks in the program, and
//! `list.append` stays atomic (as in CPython).

use spindle::host::native::NativeHost;
use spindle::runtime::{Run, RunOptions};
use spindle::vm::eval::{new_frame_for_module, ns_dict};
use spindle::vm::value::{lock, Payload, Value};
use spindle::vm::Vm;
use std::sync::Arc;

/// Compile and run `src` as a module; return its globals dict.
fn load(run: &Arc<Run>, src: &str) -> spindle::vm::value::ObjRef {
    let code = spindle::syntax::compile_source(src, "<test>").unwrap_or_else(|_| panic!("compile failed"));
    let module = spindle::stdlib::new_module("__main__");
    let globals = spindle::stdlib::module_dict(&module);
    let mut vm = Vm::new(run.clone(), "main");
    if vm.run_frame(new_frame_for_module(code, globals.clone())).is_err() {
        panic!("module raised");
    }
    globals
}

#[test]
fn two_threads_append_to_one_list() {
    let host = Arc::new(NativeHost::capturing());
    let run = Run::new(host, RunOptions::default());
    let globals = load(&run, "def work(lst, n):\n    for i in range(n):\n        lst.append(i)\n");
    let work = ns_dict(&globals).get_str("work").expect("work defined");
    let shared = Value::list(vec![]);
    let handles: Vec<_> = (0..2)
        .map(|t| {
            let (run, work, shared) = (run.clone(), work.clone(), shared.clone());
            std::thread::spawn(move || {
                let mut vm = Vm::new(run, &format!("Thread-{}", t + 1));
                vm.call(&work, vec![shared, Value::Int(100_000)]).is_ok()
            })
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap(), "thread raised");
    }
    let Some(Payload::List(l)) = shared.payload() else { panic!("not a list") };
    assert_eq!(lock(l).len(), 200_000);
}

#[test]
fn threads_share_dicts_and_instances() {
    let host = Arc::new(NativeHost::capturing());
    let run = Run::new(host, RunOptions::default());
    let src = "class Box:\n    def __init__(self):\n        self.d = {}\n\ndef fill(box, base, n):\n    for i in range(n):\n        box.d[base + i] = i * i\n    return len(box.d)\n\nbox = Box()\n";
    let globals = load(&run, src);
    let fill = ns_dict(&globals).get_str("fill").unwrap();
    let bx = ns_dict(&globals).get_str("box").unwrap();
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let (run, fill, bx) = (run.clone(), fill.clone(), bx.clone());
            std::thread::spawn(move || {
                let mut vm = Vm::new(run, "T");
                vm.call(&fill, vec![bx, Value::Int(t * 10_000), Value::Int(10_000)]).is_ok()
            })
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap());
    }
    let mut vm = Vm::new(run.clone(), "main");
    let d = spindle::vm::ops::getattr(&mut vm, &bx, &spindle::vm::intern("d")).ok().unwrap();
    assert_eq!(spindle::vm::ops::len(&mut vm, &d).ok().unwrap(), 40_000);
}
