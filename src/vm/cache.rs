//! Per-thread lookup caches: they make global-name and class-attribute lookups
//! skip the locked dict probes while nothing they depend on has changed.
//!
//! Both are direct-mapped tables owned by one thread (no locks, no atomics on
//! a hit beyond cloning the result). Each slot holds strong references to the
//! objects its key names, so a key's address can't be reused by another
//! object while the slot lives. Invariants:
//! - `GlobalCache`: a slot for (code, pc) is valid while the globals dict's
//!   version is unchanged and, for a name found in builtins, the builtins
//!   dict's version too. `Dict` bumps its version after every change, and the
//!   version is read *before* the lookup, so a racing change can only make a
//!   slot miss, never keep a stale value.
//! - `lookup_type_cached`: a slot for (class, name) is valid while
//!   `TYPE_EPOCH` is unchanged. Every dict that such a slot depends on is
//!   marked as a type dict (`Dict::mark_type`) before the epoch is read, and a
//!   marked dict bumps `TYPE_EPOCH` after each change.

use crate::vm::code::Code;
use crate::vm::eval::ns_dict;
use crate::vm::ops::lookup_type_v;
use crate::vm::value::{ObjRef, Payload, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Bumped after any change to a dict that a class-attribute cache slot
/// depends on (see `Dict::mark_type`).
pub static TYPE_EPOCH: AtomicU64 = AtomicU64::new(0);

const GLOBAL_SLOTS: usize = 512;

struct GlobalSlot {
    code: Arc<Code>,
    pc: usize,
    globals: ObjRef,
    globals_version: u64,
    /// The builtins dict's version when the name came from builtins, else None.
    builtins_version: Option<u64>,
    value: Value,
}

/// The LoadGlobal cache of one thread.
#[derive(Default)]
pub struct GlobalCache {
    slots: Vec<Option<GlobalSlot>>,
}

#[inline]
fn global_index(code: &Arc<Code>, pc: usize) -> usize {
    let p = Arc::as_ptr(code) as usize;
    ((p >> 4) ^ pc.wrapping_mul(0x9E37_79B9)) & (GLOBAL_SLOTS - 1)
}

impl GlobalCache {
    /// Look `name` up in `globals`, then in `builtins`, for the LoadGlobal at
    /// (`code`, `pc`).
    #[inline]
    pub fn load(&mut self, code: &Arc<Code>, pc: usize, globals: &ObjRef, builtins: &ObjRef, name: &Value) -> Option<Value> {
        let i = global_index(code, pc);
        if let Some(Some(s)) = self.slots.get(i) {
            if s.pc == pc
                && Arc::ptr_eq(&s.code, code)
                && Arc::ptr_eq(&s.globals, globals)
                && s.globals_version == ns_dict(globals).version()
                && s.builtins_version.is_none_or(|v| v == ns_dict(builtins).version())
            {
                return Some(s.value.clone());
            }
        }
        self.fill(i, code, pc, globals, builtins, name)
    }

    #[inline(never)]
    fn fill(&mut self, i: usize, code: &Arc<Code>, pc: usize, globals: &ObjRef, builtins: &ObjRef, name: &Value) -> Option<Value> {
        let gd = ns_dict(globals);
        let globals_version = gd.watch_version();
        let (value, builtins_version) = match gd.get_str_value(name) {
            Some(v) => (v, None),
            None => {
                let bd = ns_dict(builtins);
                let bv = bd.watch_version();
                (bd.get_str_value(name)?, Some(bv))
            }
        };
        if self.slots.is_empty() {
            self.slots.resize_with(GLOBAL_SLOTS, || None);
        }
        self.slots[i] = Some(GlobalSlot {
            code: code.clone(),
            pc,
            globals: globals.clone(),
            globals_version,
            builtins_version,
            value: value.clone(),
        });
        Some(value)
    }
}

const TYPE_SLOTS: usize = 1024;

struct TypeSlot {
    cls: ObjRef,
    name: Value,
    epoch: u64,
    value: Option<Value>,
}

thread_local! {
    static TYPE_CACHE: std::cell::RefCell<Vec<Option<TypeSlot>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `lookup_type_v` through this thread's class-attribute cache. `name` should
/// be an interned str (the cache is keyed by its identity).
#[inline]
pub fn lookup_type_cached(cls: &ObjRef, name: &Value) -> Option<Value> {
    with_type_attr(cls, name, Value::clone)
}

/// `f` applied to `lookup_type_cached(cls, name)` when the class has the
/// attribute (None when it has not), borrowing the cached value instead of
/// returning a clone through layers of Option.
#[inline]
pub fn with_type_attr<R>(cls: &ObjRef, name: &Value, f: impl FnOnce(&Value) -> R) -> Option<R> {
    if let Value::Obj(n) = name {
        let i = (((Arc::as_ptr(cls) as usize) >> 4) ^ ((Arc::as_ptr(n) as usize) >> 3).wrapping_mul(0x9E37_79B9)) & (TYPE_SLOTS - 1);
        let mut f = Some(f);
        let hit = TYPE_CACHE.try_with(|c| {
            let c = c.borrow();
            match c.get(i) {
                Some(Some(s)) if Arc::ptr_eq(&s.cls, cls) && s.name.is(name) && s.epoch == TYPE_EPOCH.load(Ordering::Acquire) => {
                    Some(s.value.as_ref().map(|v| (f.take().unwrap())(v)))
                }
                _ => None,
            }
        });
        if let Ok(Some(r)) = hit {
            return r;
        }
        return type_fill(i, cls, name).map(|v| (f.take().unwrap())(&v));
    }
    lookup_type_v(cls, name).map(|v| f(&v))
}

#[inline(never)]
fn type_fill(i: usize, cls: &ObjRef, name: &Value) -> Option<Value> {
    let Payload::Class(c) = &cls.payload else { return None };
    // Mark before reading the epoch: from now on a change to any of these
    // dicts bumps the epoch and so invalidates the slot written below.
    c.dict.mark_type();
    for m in &c.mro {
        if let Payload::Class(mc) = &m.payload {
            mc.dict.mark_type();
        }
    }
    let epoch = TYPE_EPOCH.load(Ordering::SeqCst);
    let value = lookup_type_v(cls, name);
    let _ = TYPE_CACHE.try_with(|cache| {
        let Ok(mut cache) = cache.try_borrow_mut() else { return };
        if cache.is_empty() {
            cache.resize_with(TYPE_SLOTS, || None);
        }
        // Dropping the old slot may free objects, whose drop never looks up
        // class attributes, so holding the borrow here is safe.
        cache[i] = Some(TypeSlot { cls: cls.clone(), name: name.clone(), epoch, value: value.clone() });
    });
    value
}

/// Drop this thread's class-attribute cache (at the end of a thread's VM, so
/// that a pooled worker holds nothing of a finished run).
pub fn clear_type_cache() {
    let _ = TYPE_CACHE.try_with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            *c = Vec::new();
        }
    });
}
