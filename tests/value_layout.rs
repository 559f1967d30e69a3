//! Low-level pieces the eval loop's speed rests on: `Value::write_whole`
//! (an immediate stored as one 16-byte write) must produce the very value an
//! ordinary write does, and `SpinLock` must exclude under contention.

use spindle::vm::spin::SpinLock;
use spindle::vm::value::Value;
use std::mem::MaybeUninit;
use std::sync::Arc;

#[test]
fn write_whole_builds_the_same_value() {
    let values = vec![
        Value::None,
        Value::Bool(false),
        Value::Bool(true),
        Value::Int(0),
        Value::Int(-1),
        Value::Int(i64::MIN),
        Value::Int(i64::MAX),
        Value::Float(1.5),
        Value::Float(-0.0),
        Value::Float(f64::from_bits(0x7ff8_dead_beef_0001)),
        Value::str("an object"),
    ];
    for v in values {
        let mut slot = MaybeUninit::<Value>::uninit();
        // SAFETY: the slot is valid for a write and held nothing.
        unsafe { v.clone().write_whole(slot.as_mut_ptr()) };
        // SAFETY: write_whole initialised it.
        let w = unsafe { slot.assume_init() };
        assert!(v.is(&w), "write_whole changed a value");
        if let (Value::Obj(a), Value::Obj(_)) = (&v, &w) {
            assert_eq!(Arc::strong_count(a), 2, "the written copy owns one reference");
        }
    }
}

#[test]
fn spin_lock_excludes() {
    let counter = Arc::new(SpinLock::new(0u64));
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let c = counter.clone();
            std::thread::spawn(move || {
                for _ in 0..100_000 {
                    let mut g = c.lock();
                    // A read-modify-write in two steps: lost updates would show.
                    let v = *g;
                    *g = v + 1;
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(*counter.lock(), 400_000);
}
