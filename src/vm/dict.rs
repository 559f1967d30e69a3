//! The insertion-ordered hash table behind dict, set, class and instance
//! namespaces. It takes a short lock (a `SpinLock`) per operation and never
//! holds it across a Python call: keys needing a Python `__eq__` are compared
//! with the lock released, then re-found by identity.

use crate::vm::spin::SpinLock;
use crate::vm::value::{Payload, PyStr, Value};
use crate::vm::{PyResult, Vm};
use hashbrown::HashTable;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicU8, Ordering};

#[derive(Default)]
pub struct DictInner {
    entries: Vec<Option<(i64, Value, Value)>>,
    table: HashTable<usize>,
    len: usize,
}

impl DictInner {
    /// The entry of str key `key` (whose `PyStr` is `s`). Interned names
    /// usually match by pointer, skipping the byte compare.
    #[inline]
    fn find_str(&self, key: &Value, s: &PyStr, hash: i64) -> Option<usize> {
        let e = &self.entries;
        self.table
            .find(hash as u64, |&idx| matches!(&e[idx], Some((h, k, _)) if *h == hash && (k.is(key) || k.as_str() == Some(&s.s))))
            .copied()
    }
    /// `find_str`, trying the entry `hint` names first: instances of one
    /// class usually get their attributes in the same order, so one site
    /// keeps finding its name at the same index. A hit is the same key
    /// object, so no hash or probe is needed; a miss probes and updates it.
    #[inline]
    fn find_str_hinted(&self, key: &Value, s: &PyStr, hint: &AtomicU32) -> Option<usize> {
        let h = hint.load(Ordering::Relaxed) as usize;
        if let Some(Some((_, k, _))) = self.entries.get(h) {
            if k.is(key) {
                return Some(h);
            }
        }
        let idx = self.find_str(key, s, s.hash())?;
        hint.store(idx as u32, Ordering::Relaxed);
        Some(idx)
    }
}

/// A thread-safe, insertion-ordered Python dict.
#[derive(Default)]
pub struct Dict {
    inner: SpinLock<DictInner>,
    /// Bumped after every change once `WATCH_VERSION` is set; read by the
    /// LoadGlobal cache (vm/cache.rs).
    version: AtomicU64,
    /// `WATCH_VERSION`: a cache compares `version`, so changes bump it.
    /// `WATCH_TYPE`: a class-attribute cache slot depends on this dict, so
    /// each change also bumps `cache::TYPE_EPOCH`. Set before the cache reads
    /// the version or epoch; a change bumps after its write, so it sees the
    /// flag of any cache that read the old contents.
    watch: AtomicU8,
    /// A Bloom filter of the hashes of every key ever inserted since the last
    /// `clear` (bit `hash & 63`), written under the lock: a clear bit means
    /// "absent" without taking the lock (`may_contain_str`).
    keys: AtomicU64,
}

const WATCH_VERSION: u8 = 1;
const WATCH_TYPE: u8 = 2;

#[inline]
fn key_bit(hash: i64) -> u64 {
    1u64 << (hash as u64 & 63)
}

fn bloom_of(d: &DictInner) -> u64 {
    d.entries.iter().flatten().fold(0, |b, (h, _, _)| b | key_bit(*h))
}

/// Equality that needs no Python call; None when a Python `__eq__` may decide.
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    match (a, b) {
        (Int(x), Int(y)) => Some(x == y),
        (Obj(x), Obj(y)) if std::sync::Arc::ptr_eq(x, y) => Some(true),
        (None, None) => Some(true),
        (Bool(x), Bool(y)) => Some(x == y),
        (Bool(x), Int(y)) | (Int(y), Bool(x)) => Some(*x as i64 == *y),
        (Float(x), Float(y)) => Some(x == y),
        (Int(x), Float(y)) | (Float(y), Int(x)) => Some(*x as f64 == *y && (*y as i64) == *x),
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => Some((*x as i64) as f64 == *y),
        (Obj(x), Obj(y)) => {
            if x.cls.is_some() || y.cls.is_some() {
                return Option::None;
            }
            match (&x.payload, &y.payload) {
                (Payload::Str(p), Payload::Str(q)) => Some(p.s == q.s),
                (Payload::Int(p), Payload::Int(q)) => Some(p == q),
                (Payload::Bytes(p), Payload::Bytes(q)) => Some(p == q),
                (Payload::Tuple(p), Payload::Tuple(q)) => {
                    if p.len() != q.len() {
                        return Some(false);
                    }
                    for (u, v) in p.iter().zip(q.iter()) {
                        match fast_eq(u, v) {
                            Some(true) => {}
                            other => return other,
                        }
                    }
                    Some(true)
                }
                (Payload::FrozenSet(_), _) | (_, Payload::FrozenSet(_)) => Option::None,
                (Payload::Str(_), _) | (_, Payload::Str(_)) => Some(false),
                (Payload::Tuple(_), _) | (_, Payload::Tuple(_)) => Some(false),
                _ => Option::None,
            }
        }
        (Obj(o), other) | (other, Obj(o)) => match &o.payload {
            Payload::Str(_) | Payload::Tuple(_) | Payload::Bytes(_) if o.cls.is_none() => Some(false),
            // A big int may equal a float; let the numeric comparison decide.
            Payload::Int(_) if o.cls.is_none() && !matches!(other, Float(_)) => Some(false),
            _ => Option::None,
        },
        _ => Some(false),
    }
}

impl DictInner {
    fn find_fast(&self, hash: i64, key: &Value) -> Result<Option<usize>, Vec<Value>> {
        let mut slow = Vec::new();
        for &idx in self.table.iter_hash(hash as u64) {
            if let Some((h, k, _)) = &self.entries[idx] {
                if *h != hash {
                    continue;
                }
                match fast_eq(k, key) {
                    Some(true) => return Ok(Some(idx)),
                    Some(false) => {}
                    None => slow.push(k.clone()),
                }
            }
        }
        if slow.is_empty() {
            Ok(None)
        } else {
            Err(slow)
        }
    }
    fn find_identical(&self, hash: i64, key: &Value) -> Option<usize> {
        self.table.find(hash as u64, |&idx| matches!(&self.entries[idx], Some((h, k, _)) if *h == hash && k.is(key))).copied()
    }
    fn insert_new(&mut self, hash: i64, key: Value, val: Value) {
        let idx = self.entries.len();
        self.entries.push(Some((hash, key, val)));
        let entries = &self.entries;
        self.table.insert_unique(hash as u64, idx, |&i| entries[i].as_ref().map(|e| e.0 as u64).unwrap_or(0));
        self.len += 1;
    }
    fn remove_at(&mut self, idx: usize) -> (Value, Value) {
        let (hash, k, v) = self.entries[idx].take().expect("live entry");
        if let Ok(e) = self.table.find_entry(hash as u64, |&i| i == idx) {
            e.remove();
        }
        self.len -= 1;
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        (k, v)
    }
    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.table.clear();
        self.len = 0;
        for (h, k, v) in old.into_iter().flatten() {
            self.insert_new(h, k, v);
        }
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    /// The version, for a cache that has called `watch_version` before.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::Acquire)
    }
    /// Make every later change bump the version, then read it (a cache
    /// that starts depending on this dict's contents).
    pub fn watch_version(&self) -> u64 {
        self.watch(WATCH_VERSION);
        self.version()
    }
    fn bump(&self) {
        let w = self.watch.load(Ordering::SeqCst);
        if w & WATCH_VERSION != 0 {
            self.version.fetch_add(1, Ordering::Release);
        }
        if w & WATCH_TYPE != 0 {
            crate::vm::cache::TYPE_EPOCH.fetch_add(1, Ordering::SeqCst);
        }
    }
    fn watch(&self, flag: u8) {
        if self.watch.load(Ordering::SeqCst) & flag == 0 {
            self.watch.fetch_or(flag, Ordering::SeqCst);
        }
    }
    /// See `watch`.
    pub fn mark_type(&self) {
        self.watch(WATCH_TYPE);
    }
    /// Insert a new key into `d` (this dict's locked contents), recording
    /// it in the key filter.
    fn insert_new(&self, d: &mut DictInner, hash: i64, key: Value, val: Value) {
        let b = self.keys.load(Ordering::Relaxed);
        if b & key_bit(hash) == 0 {
            self.keys.store(b | key_bit(hash), Ordering::Release);
        }
        d.insert_new(hash, key, val);
    }
    /// False when no str key equal to `key` is present (no lock taken);
    /// true when one may be.
    #[inline]
    pub fn may_contain_str(&self, key: &PyStr) -> bool {
        self.keys.load(Ordering::Acquire) & key_bit(key.hash()) != 0
    }
    pub fn len(&self) -> usize {
        self.inner.lock().len
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Find the entry index for `key`, calling Python `__eq__` outside the lock if needed.
    fn locate(&self, vm: &mut Vm, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        loop {
            let fast = self.inner.lock().find_fast(hash, key);
            let slow = match fast {
                Ok(r) => return Ok(r),
                Err(slow) => slow,
            };
            let mut found = None;
            for cand in slow {
                if vm.eq(&cand, key)? {
                    found = Some(cand);
                    break;
                }
            }
            let Some(cand) = found else { return Ok(None) };
            // Re-find the candidate by identity; if it was removed meanwhile, retry.
            if let Some(idx) = self.inner.lock().find_identical(hash, &cand) {
                return Ok(Some(idx));
            }
        }
    }

    pub fn get(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        self.get_hashed(vm, hash, key)
    }
    pub fn get_hashed(&self, vm: &mut Vm, hash: i64, key: &Value) -> PyResult<Option<Value>> {
        let fast = self.inner.lock().find_fast(hash, key);
        if let Ok(r) = fast {
            return Ok(r.and_then(|i| self.value_at(i)));
        }
        let idx = self.locate(vm, hash, key)?;
        Ok(idx.and_then(|i| self.value_at(i)))
    }
    fn value_at(&self, idx: usize) -> Option<Value> {
        self.inner.lock().entries.get(idx).and_then(|e| e.as_ref().map(|e| e.2.clone()))
    }
    pub fn contains(&self, vm: &mut Vm, key: &Value) -> PyResult<bool> {
        Ok(self.get(vm, key)?.is_some())
    }
    pub fn set(&self, vm: &mut Vm, key: Value, val: Value) -> PyResult<()> {
        let hash = vm.hash(&key)?;
        self.set_hashed(vm, hash, key, val)
    }
    pub fn set_hashed(&self, vm: &mut Vm, hash: i64, key: Value, val: Value) -> PyResult<()> {
        {
            let mut d = self.inner.lock();
            match d.find_fast(hash, &key) {
                Ok(Some(idx)) => {
                    d.entries[idx].as_mut().unwrap().2 = val;
                    drop(d);
                    self.bump();
                    return Ok(());
                }
                Ok(None) => {
                    self.insert_new(&mut d, hash, key, val);
                    drop(d);
                    self.bump();
                    return Ok(());
                }
                Err(_) => {}
            }
        }
        let idx = self.locate(vm, hash, &key)?;
        let mut d = self.inner.lock();
        match idx {
            Some(i) if d.entries.get(i).map(|e| e.is_some()).unwrap_or(false) => d.entries[i].as_mut().unwrap().2 = val,
            _ => self.insert_new(&mut d, hash, key, val),
        }
        drop(d);
        self.bump();
        Ok(())
    }
    /// Remove `key`; returns its value if it was present.
    pub fn remove(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash(key)?;
        let idx = self.locate(vm, hash, key)?;
        let Some(idx) = idx else { return Ok(None) };
        let mut d = self.inner.lock();
        if d.entries.get(idx).map(|e| e.is_some()).unwrap_or(false) {
            let (_, v) = d.remove_at(idx);
            drop(d);
            self.bump();
            Ok(Some(v))
        } else {
            Ok(None)
        }
    }

    // --- str-keyed access for namespaces (no Python calls possible) ---

    pub fn get_str(&self, key: &str) -> Option<Value> {
        let hash = crate::vm::value::str_hash(key);
        let d = self.inner.lock();
        d.table
            .find(hash as u64, |&idx| matches!(&d.entries[idx], Some((h, k, _)) if *h == hash && k.as_str() == Some(key)))
            .and_then(|&idx| d.entries[idx].as_ref().map(|e| e.2.clone()))
    }
    pub fn set_str(&self, key: &str, val: Value) {
        let hash = crate::vm::value::str_hash(key);
        let mut d = self.inner.lock();
        let found = d
            .table
            .find(hash as u64, |&idx| matches!(&d.entries[idx], Some((h, k, _)) if *h == hash && k.as_str() == Some(key)))
            .copied();
        match found {
            Some(idx) => d.entries[idx].as_mut().unwrap().2 = val,
            None => self.insert_new(&mut d, hash, Value::str(key), val),
        }
        drop(d);
        self.bump();
    }
    /// Like `set_str` but with a str Value key (avoids re-allocating the key).
    pub fn set_str_value(&self, key: &Value, val: Value) {
        let s = key.as_pystr().expect("str key");
        let hash = s.hash();
        let mut d = self.inner.lock();
        match d.find_str(key, s, hash) {
            Some(idx) => d.entries[idx].as_mut().unwrap().2 = val,
            None => self.insert_new(&mut d, hash, key.clone(), val),
        }
        drop(d);
        self.bump();
    }
    /// `set_str_value` for an attribute store site: `hint` (the site's slot
    /// in `Code::attr_hints`) names the entry to try before the probe.
    pub fn set_str_value_hinted(&self, key: &Value, val: Value, hint: &AtomicU32) {
        let s = key.as_pystr().expect("str key");
        let mut d = self.inner.lock();
        match d.find_str_hinted(key, s, hint) {
            Some(idx) => d.entries[idx].as_mut().unwrap().2 = val,
            None => self.insert_new(&mut d, s.hash(), key.clone(), val),
        }
        drop(d);
        self.bump();
    }
    /// `f` applied to the value of str key `key`, under the lock (so `f`
    /// must not call Python or block): lets a caller clone the value
    /// straight to where it goes, instead of returning it through layers.
    #[inline]
    pub fn with_str_value<R>(&self, key: &Value, f: impl FnOnce(&Value) -> R) -> Option<R> {
        let s = key.as_pystr().expect("str key");
        let d = self.inner.lock();
        let idx = d.find_str(key, s, s.hash())?;
        d.entries[idx].as_ref().map(|e| f(&e.2))
    }
    /// `with_str_value` for an attribute load site, with its `hint`.
    #[inline]
    pub fn with_str_value_hinted<R>(&self, key: &Value, hint: &AtomicU32, f: impl FnOnce(&Value) -> R) -> Option<R> {
        let s = key.as_pystr().expect("str key");
        let d = self.inner.lock();
        let idx = d.find_str_hinted(key, s, hint)?;
        d.entries[idx].as_ref().map(|e| f(&e.2))
    }
    pub fn get_str_value(&self, key: &Value) -> Option<Value> {
        self.with_str_value(key, Value::clone)
    }
    pub fn remove_str(&self, key: &str) -> Option<Value> {
        let hash = crate::vm::value::str_hash(key);
        let mut d = self.inner.lock();
        let found = d
            .table
            .find(hash as u64, |&idx| matches!(&d.entries[idx], Some((h, k, _)) if *h == hash && k.as_str() == Some(key)))
            .copied();
        let r = found.map(|idx| d.remove_at(idx).1);
        drop(d);
        if r.is_some() {
            self.bump();
        }
        r
    }

    // --- snapshots and iteration ---

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.inner.lock().entries.iter().flatten().map(|(_, k, v)| (k.clone(), v.clone())).collect()
    }
    pub fn keys(&self) -> Vec<Value> {
        self.inner.lock().entries.iter().flatten().map(|(_, k, _)| k.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.inner.lock().entries.iter().flatten().map(|(_, _, v)| v.clone()).collect()
    }
    /// Iteration by position: the first live entry at or after `pos`, and the
    /// position after it. Detects concurrent size changes via `len`.
    pub fn entry_from(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let d = self.inner.lock();
        let mut i = pos;
        while i < d.entries.len() {
            if let Some((_, k, v)) = &d.entries[i] {
                return Some((i + 1, k.clone(), v.clone()));
            }
            i += 1;
        }
        None
    }
    pub fn clear(&self) {
        let mut d = self.inner.lock();
        *d = DictInner::default();
        self.keys.store(0, Ordering::Release);
        drop(d);
        self.bump();
    }
    /// Remove and return the last entry (dict.popitem / set.pop order).
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let mut d = self.inner.lock();
        let idx = d.entries.iter().rposition(|e| e.is_some())?;
        let r = d.remove_at(idx);
        drop(d);
        self.bump();
        Some(r)
    }
    pub fn pop_first(&self) -> Option<(Value, Value)> {
        let mut d = self.inner.lock();
        let idx = d.entries.iter().position(|e| e.is_some())?;
        let r = d.remove_at(idx);
        drop(d);
        self.bump();
        Some(r)
    }
    /// A shallow copy with the same order.
    pub fn copy(&self) -> Dict {
        let d = self.inner.lock();
        let mut n = DictInner::default();
        for (h, k, v) in d.entries.iter().flatten() {
            n.insert_new(*h, k.clone(), v.clone());
        }
        let keys = AtomicU64::new(bloom_of(&n));
        Dict { inner: SpinLock::new(n), keys, ..Dict::default() }
    }
    /// Remove every entry, returning keys and values (for dropping without recursion).
    pub fn take_all(&mut self) -> Vec<Value> {
        let inner = std::mem::take(self.inner.get_mut());
        let mut out = Vec::with_capacity(inner.len * 2);
        for (_, k, v) in inner.entries.into_iter().flatten() {
            out.push(k);
            out.push(v);
        }
        out
    }
    /// Replace this table's contents with a copy of `other`'s.
    pub fn replace_from(&self, other: &Dict) {
        let fresh = other.copy();
        let inner = std::mem::take(&mut *fresh.inner.lock());
        let mut d = self.inner.lock();
        self.keys.store(bloom_of(&inner), Ordering::Release);
        *d = inner;
        drop(d);
        self.bump();
    }
    /// Build from already-hashed entries (used when the hashes are known).
    pub fn from_hashed(items: Vec<(i64, Value, Value)>) -> Dict {
        let mut n = DictInner::default();
        for (h, k, v) in items {
            n.insert_new(h, k, v);
        }
        let keys = AtomicU64::new(bloom_of(&n));
        Dict { inner: SpinLock::new(n), keys, ..Dict::default() }
    }
    /// Entries with their hashes (for set algebra without re-hashing).
    pub fn hashed_items(&self) -> Vec<(i64, Value, Value)> {
        self.inner.lock().entries.iter().flatten().cloned().collect()
    }
}
