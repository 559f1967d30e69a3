//! A compact binary form of code objects, for the frozen standard library
//! (`stdlib/frozen.rs`): `dump` at build time, `load` at import.
//!
//! One module is: a string table (every name, varname, cell name, str
//! constant, qualname and the filename, each stored once, as a position in
//! the module's source text when it occurs there), then the module's
//! code object, nested code objects inline among its constants. Integers are
//! LEB128 varints (signed ones zigzagged); the location table is run-length
//! encoded with line deltas. Constants are only what the compiler emits
//! (`Compiler::const_`): None, bools, ints, big ints, floats, complex, str,
//! bytes, tuples of those, Ellipsis and code; `dump` refuses anything else and
//! `load` returns None on any malformed input, so the caller compiles from
//! source instead. The source text (for tracebacks) is not stored: the
//! caller passes it in, the same text to `dump` and to `load`.

use crate::vm::code::{BinOp, CmpOp, Code, CodeFlags, Instr, Loc, Source, UnOp};
use crate::vm::value::{Payload, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// Bump on any change to the encoding (or to `Instr`'s numbering below).
pub const FORMAT_VERSION: u32 = 4;

// ----- the instruction numbering -----

macro_rules! instr_table {
    (unit: [$($u:ident),* $(,)?], arg: [$($a:ident),* $(,)?] $(,)?) => {
        /// Operand-less instructions, by opcode.
        const UNIT: &[Instr] = &[$(Instr::$u),*];
        /// Instructions with a u32 operand, by opcode - UNIT.len().
        const ARG: &[fn(u32) -> Instr] = &[$(Instr::$a),*];
        fn operand(i: &Instr) -> Option<u32> {
            match i {
                $(Instr::$a(x) => Some(*x),)*
                _ => None,
            }
        }
        /// Every variant must be listed (a new one fails to compile here).
        #[allow(dead_code)]
        fn exhaustive(i: Instr) {
            match i {
                $(Instr::$u => {})*
                $(Instr::$a(_) => {})*
                Instr::BinaryOp(_) | Instr::InplaceOp(_) | Instr::UnaryOp(_) | Instr::CompareOp(_) | Instr::CompareJump(_) => {}
            }
        }
    };
}

instr_table! {
    unit: [Nop, Pop, BinarySubscr, StoreSubscr, DeleteSubscr, ListToTuple, GetIter, ReturnValue, YieldValue,
        AsyncGenWrap, GetYieldFromIter, GetAwaitable, GetAIter, GetANext, EndAsyncFor, PopBlock, PopExcept, Reraise,
        CheckExcMatch, ExcStarBegin, ExcStarCollect, ExcStarEnd, WithExitNormal, WithExcept, ImportStar,
        LoadBuildClass, LoadAssertionError, GetLen, MatchSequence, MatchMapping, MatchKeys, CopyDictWithoutKeys,
        SetupAnnotations],
    arg: [LoadConst, Copy, Swap, LoadFast, StoreFast, DeleteFast, LoadDeref, StoreDeref, DeleteDeref, LoadClassDeref,
        LoadClosure, LoadGlobal, StoreGlobal, DeleteGlobal, LoadName, StoreName, DeleteName, LoadAttr, StoreAttr,
        DeleteAttr, LoadMethod, CallMethod, BuildSlice, IsOp, ContainsOp, BuildTuple, BuildList, BuildSet, BuildMap,
        BuildString, ListAppend, SetAdd, MapAdd, ListExtend, SetUpdate, DictUpdate, DictMerge, UnpackSequence,
        UnpackEx, FormatValue, Jump, PopJumpIfFalse, PopJumpIfTrue, JumpIfFalseOrPop, JumpIfTrueOrPop, ForIter,
        Call, CallKw, CallEx, MakeFunction, Send, SetupExcept, Raise, ExcStarMatch, SetupWith, SetupWithBlock,
        SetupAsyncWith, ImportName, ImportFrom, MatchClass, LoadFastAttr, LoadFastMethod, LoadFastStoreAttr,
        LoadFastTake, LoadFastConstOp, LoadFastLoadFast],
}

const BINOPS: [BinOp; 13] = {
    use BinOp::*;
    [Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor]
};
const CMPOPS: [CmpOp; 6] = [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge];
const UNOPS: [UnOp; 4] = [UnOp::Neg, UnOp::Pos, UnOp::Invert, UnOp::Not];
const OP_BINARY: u8 = 250;
const OP_INPLACE: u8 = 251;
const OP_UNARY: u8 = 252;
const OP_COMPARE: u8 = 253;
const OP_COMPARE_JUMP: u8 = 254;

// Constant tags.
const C_NONE: u8 = 0;
const C_FALSE: u8 = 1;
const C_TRUE: u8 = 2;
const C_INT: u8 = 3;
const C_BIGINT: u8 = 4;
const C_FLOAT: u8 = 5;
const C_COMPLEX: u8 = 6;
const C_STR: u8 = 7;
const C_BYTES: u8 = 8;
const C_TUPLE: u8 = 9;
const C_ELLIPSIS: u8 = 10;
const C_CODE: u8 = 11;

// ----- writing -----

struct Writer {
    out: Vec<u8>,
    strings: Vec<String>,
    string_ix: HashMap<String, u32>,
}

fn put_uv(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_sv(out: &mut Vec<u8>, v: i64) {
    put_uv(out, ((v << 1) ^ (v >> 63)) as u64);
}

impl Writer {
    fn uv(&mut self, v: u64) {
        put_uv(&mut self.out, v);
    }
    fn sv(&mut self, v: i64) {
        put_sv(&mut self.out, v);
    }
    fn s(&mut self, s: &str) {
        let i = match self.string_ix.get(s) {
            Some(&i) => i,
            None => {
                let i = self.strings.len() as u32;
                self.strings.push(s.to_string());
                self.string_ix.insert(s.to_string(), i);
                i
            }
        };
        self.uv(i as u64);
    }
    fn strs(&mut self, v: &[String]) {
        self.uv(v.len() as u64);
        for s in v {
            self.s(s);
        }
    }

    fn code(&mut self, c: &Code) -> Result<(), String> {
        self.s(&c.name);
        self.s(&c.qualname);
        self.s(&c.filename);
        self.uv(c.first_line as u64);
        for n in [c.argcount, c.posonlyargcount, c.kwonlyargcount, c.stacksize] {
            self.uv(n as u64);
        }
        let f = &c.flags;
        let bits = [f.varargs, f.varkw, f.generator, f.coroutine, f.async_generator, f.uses_namespace, f.is_comprehension];
        self.uv(bits.iter().enumerate().fold(0u64, |acc, (i, &b)| acc | (b as u64) << i));
        // Instructions.
        self.uv(c.instrs.len() as u64);
        for ins in &c.instrs {
            self.instr(ins)?;
        }
        // Locations: runs of equal locations, each a header byte (run
        // length, line delta from the previous run, end line delta, each
        // with an escape to a varint), the column and the end column
        // (relative to the column when on the same line).
        if c.locs.len() != c.instrs.len() {
            return Err(format!("{}: {} locations for {} instructions", c.qualname, c.locs.len(), c.instrs.len()));
        }
        let mut prev_line = c.first_line as i64;
        let mut i = 0;
        while i < c.locs.len() {
            let l = c.locs[i];
            let run = c.locs[i..].iter().take_while(|x| **x == l).count();
            let dline = l.line as i64 - prev_line;
            let dend = l.end_line as i64 - l.line as i64;
            let r = if run <= 3 { run as u8 - 1 } else { 3 };
            let d = if (-1..=5).contains(&dline) { (dline + 1) as u8 } else { 7 };
            let e = if (0..=2).contains(&dend) { dend as u8 } else { 3 };
            self.out.push(r | d << 2 | e << 5);
            if r == 3 {
                self.uv(run as u64 - 4);
            }
            if d == 7 {
                self.sv(dline);
            }
            if e == 3 {
                self.sv(dend);
            }
            self.uv(l.col as u64);
            if dend == 0 {
                self.sv(l.end_col as i64 - l.col as i64);
            } else {
                self.uv(l.end_col as u64);
            }
            prev_line = l.line as i64;
            i += run;
        }
        // Constants.
        self.uv(c.consts.len() as u64);
        for v in &c.consts {
            self.constant(v)?;
        }
        self.uv(c.names.len() as u64);
        for n in &c.names {
            match n.as_str() {
                Some(s) => self.s(s),
                None => return Err(format!("{}: a name that is not a str", c.qualname)),
            }
        }
        self.strs(&c.varnames);
        self.strs(&c.cellvars);
        self.strs(&c.freevars);
        self.uv(c.cell_args.len() as u64);
        for &(a, b) in &c.cell_args {
            self.uv(a as u64);
            self.uv(b as u64);
        }
        Ok(())
    }

    fn instr(&mut self, ins: &Instr) -> Result<(), String> {
        let pos = |t: &[_], x| t.iter().position(|y| *y == x).map(|p| p as u8);
        match *ins {
            Instr::BinaryOp(op) => self.out.extend([OP_BINARY, pos(&BINOPS, op).unwrap()]),
            Instr::InplaceOp(op) => self.out.extend([OP_INPLACE, pos(&BINOPS, op).unwrap()]),
            Instr::UnaryOp(op) => self.out.extend([OP_UNARY, UNOPS.iter().position(|y| *y == op).unwrap() as u8]),
            Instr::CompareOp(op) => self.out.extend([OP_COMPARE, CMPOPS.iter().position(|y| *y == op).unwrap() as u8]),
            Instr::CompareJump(op) => self.out.extend([OP_COMPARE_JUMP, CMPOPS.iter().position(|y| *y == op).unwrap() as u8]),
            _ => {
                if let Some(p) = UNIT.iter().position(|u| u == ins) {
                    self.out.push(p as u8);
                } else if let Some(x) = operand(ins) {
                    let d = std::mem::discriminant(ins);
                    let p = ARG.iter().position(|f| std::mem::discriminant(&f(0)) == d).ok_or_else(|| format!("no opcode for {:?}", ins))?;
                    self.out.push((UNIT.len() + p) as u8);
                    self.uv(x as u64);
                } else {
                    return Err(format!("no opcode for {:?}", ins));
                }
            }
        }
        Ok(())
    }

    fn constant(&mut self, v: &Value) -> Result<(), String> {
        match v {
            Value::None => self.out.push(C_NONE),
            Value::Bool(false) => self.out.push(C_FALSE),
            Value::Bool(true) => self.out.push(C_TRUE),
            Value::Int(i) => {
                self.out.push(C_INT);
                self.sv(*i);
            }
            Value::Float(f) => {
                self.out.push(C_FLOAT);
                self.out.extend(f.to_bits().to_le_bytes());
            }
            Value::Obj(o) if o.cls.is_none() && o.dict.is_none() => match &o.payload {
                Payload::Int(b) => {
                    self.out.push(C_BIGINT);
                    let bytes = b.to_signed_bytes_le();
                    self.uv(bytes.len() as u64);
                    self.out.extend(bytes);
                }
                Payload::Complex(re, im) => {
                    self.out.push(C_COMPLEX);
                    self.out.extend(re.to_bits().to_le_bytes());
                    self.out.extend(im.to_bits().to_le_bytes());
                }
                Payload::Str(s) => {
                    self.out.push(C_STR);
                    self.s(&s.s);
                }
                Payload::Bytes(b) => {
                    self.out.push(C_BYTES);
                    self.uv(b.len() as u64);
                    self.out.extend_from_slice(b);
                }
                Payload::Tuple(items) => {
                    self.out.push(C_TUPLE);
                    self.uv(items.len() as u64);
                    for it in items.iter() {
                        self.constant(it)?;
                    }
                }
                Payload::Code(c) => {
                    self.out.push(C_CODE);
                    self.code(c)?;
                }
                Payload::Singleton(_) if v.is(&crate::vm::ellipsis()) => self.out.push(C_ELLIPSIS),
                _ => return Err(format!("unsupported constant of type {}", crate::vm::ops::type_name(v))),
            },
            _ => return Err(format!("unsupported constant of type {}", crate::vm::ops::type_name(v))),
        }
        Ok(())
    }
}

/// Encode a module's code object (and everything nested in it). Strings that
/// occur in `source` (the text the code was compiled from, which `load` gets
/// too) are stored as a position in it: most names and docstrings are.
pub fn dump(code: &Code, source: &str) -> Result<Vec<u8>, String> {
    let mut w = Writer { out: Vec::new(), strings: Vec::new(), string_ix: HashMap::new() };
    w.code(code)?;
    let mut out = Vec::with_capacity(w.out.len() + w.strings.len() * 4);
    put_uv(&mut out, w.strings.len() as u64);
    for s in &w.strings {
        // (len << 1 | 1, offset) into the source, or (len << 1, bytes).
        match source.find(s.as_str()) {
            Some(at) => {
                put_uv(&mut out, (s.len() as u64) << 1 | 1);
                put_uv(&mut out, at as u64);
            }
            None => {
                put_uv(&mut out, (s.len() as u64) << 1);
                out.extend_from_slice(s.as_bytes());
            }
        }
    }
    out.extend(w.out);
    Ok(out)
}

// ----- reading -----

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    strings: Vec<&'a str>,
    /// Made on first use: interned names, str constants, filenames.
    names: Vec<Option<Value>>,
    str_consts: Vec<Option<Value>>,
    filenames: Vec<Option<Arc<str>>>,
    source: Arc<Source>,
}

/// Read an unsigned LEB128 varint at `*pos`.
pub fn get_uv(data: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let b = *data.get(*pos)?;
        *pos += 1;
        if shift >= 64 {
            return None;
        }
        v |= ((b & 0x7f) as u64) << shift;
        if b < 0x80 {
            return Some(v);
        }
        shift += 7;
    }
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.data.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn uv(&mut self) -> Option<u64> {
        get_uv(self.data, &mut self.pos)
    }
    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.uv()?).ok()
    }
    /// A count, bounded by the bytes left (every item takes at least one).
    fn len(&mut self) -> Option<usize> {
        let n = self.uv()? as usize;
        (n <= self.data.len() - self.pos).then_some(n)
    }
    fn sv(&mut self) -> Option<i64> {
        let u = self.uv()?;
        Some((u >> 1) as i64 ^ -((u & 1) as i64))
    }
    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(u64::from_le_bytes(self.bytes(8)?.try_into().ok()?)))
    }
    fn six(&mut self) -> Option<usize> {
        let i = self.uv()? as usize;
        (i < self.strings.len()).then_some(i)
    }
    fn s(&mut self) -> Option<String> {
        let i = self.six()?;
        Some(self.strings[i].to_string())
    }
    fn strs(&mut self) -> Option<Vec<String>> {
        let n = self.len()?;
        (0..n).map(|_| self.s()).collect()
    }
    fn line(v: i64) -> Option<u32> {
        u32::try_from(v).ok()
    }

    fn code(&mut self, depth: usize) -> Option<Arc<Code>> {
        if depth > 200 {
            return None;
        }
        let name = self.s()?;
        let qualname = self.s()?;
        let fi = self.six()?;
        let filename = self.filenames[fi].get_or_insert_with(|| Arc::from(self.strings[fi])).clone();
        let first_line = self.u32()?;
        let (argcount, posonlyargcount, kwonlyargcount, stacksize) = (self.u32()?, self.u32()?, self.u32()?, self.u32()?);
        let b = self.uv()?;
        let bit = |i: u32| b & (1 << i) != 0;
        let flags = CodeFlags { varargs: bit(0), varkw: bit(1), generator: bit(2), coroutine: bit(3), async_generator: bit(4), uses_namespace: bit(5), is_comprehension: bit(6) };
        let n = self.len()?;
        let mut instrs = Vec::with_capacity(n);
        for _ in 0..n {
            instrs.push(self.instr()?);
        }
        let mut locs = Vec::with_capacity(n);
        let mut line = first_line as i64;
        while locs.len() < n {
            let h = self.byte()?;
            let run = match h & 3 {
                3 => (self.uv()? as usize).checked_add(4)?,
                r => r as usize + 1,
            };
            if run > n - locs.len() {
                return None;
            }
            line += match (h >> 2) & 7 {
                7 => self.sv()?,
                d => d as i64 - 1,
            };
            let dend = match (h >> 5) & 3 {
                3 => self.sv()?,
                e => e as i64,
            };
            let col = self.u32()?;
            let end_col = if dend == 0 { u32::try_from(col as i64 + self.sv()?).ok()? } else { self.u32()? };
            let l = Loc { line: Self::line(line)?, col, end_line: Self::line(line + dend)?, end_col };
            locs.extend(std::iter::repeat(l).take(run));
        }
        let n = self.len()?;
        let mut consts = Vec::with_capacity(n);
        for _ in 0..n {
            consts.push(self.constant(depth)?);
        }
        let n = self.len()?;
        let mut names = Vec::with_capacity(n);
        for _ in 0..n {
            let i = self.six()?;
            let v = match &self.names[i] {
                Some(v) => v.clone(),
                None => {
                    let v = crate::vm::intern(self.strings[i]);
                    self.names[i] = Some(v.clone());
                    v
                }
            };
            names.push(v);
        }
        let varnames = self.strs()?;
        let cellvars = self.strs()?;
        let freevars = self.strs()?;
        let n = self.len()?;
        let mut cell_args = Vec::with_capacity(n);
        for _ in 0..n {
            cell_args.push((self.u32()?, self.u32()?));
        }
        let simple = crate::vm::code::simple_shape(&flags, kwonlyargcount, cellvars.len(), freevars.len());
        Some(Arc::new(Code {
            simple,
            attr_hints: crate::vm::code::attr_hints(instrs.len()),
            name,
            qualname,
            filename,
            first_line,
            instrs,
            locs,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            cell_args,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            source: self.source.clone(),
            stacksize,
        }))
    }

    fn instr(&mut self) -> Option<Instr> {
        let op = self.byte()?;
        let o = op as usize;
        Some(match op {
            OP_BINARY => Instr::BinaryOp(*BINOPS.get(self.byte()? as usize)?),
            OP_INPLACE => Instr::InplaceOp(*BINOPS.get(self.byte()? as usize)?),
            OP_UNARY => Instr::UnaryOp(*UNOPS.get(self.byte()? as usize)?),
            OP_COMPARE => Instr::CompareOp(*CMPOPS.get(self.byte()? as usize)?),
            OP_COMPARE_JUMP => Instr::CompareJump(*CMPOPS.get(self.byte()? as usize)?),
            _ if o < UNIT.len() => UNIT[o],
            _ => ARG.get(o - UNIT.len())?(self.u32()?),
        })
    }

    fn constant(&mut self, depth: usize) -> Option<Value> {
        Some(match self.byte()? {
            C_NONE => Value::None,
            C_FALSE => Value::Bool(false),
            C_TRUE => Value::Bool(true),
            C_INT => Value::Int(self.sv()?),
            C_BIGINT => {
                let n = self.len()?;
                Value::bigint(num_bigint::BigInt::from_signed_bytes_le(self.bytes(n)?))
            }
            C_FLOAT => Value::Float(self.f64()?),
            C_COMPLEX => crate::vm::complex_value(self.f64()?, self.f64()?),
            C_STR => {
                let i = self.six()?;
                match &self.str_consts[i] {
                    Some(v) => v.clone(),
                    None => {
                        let v = Value::str(self.strings[i]);
                        self.str_consts[i] = Some(v.clone());
                        v
                    }
                }
            }
            C_BYTES => {
                let n = self.len()?;
                crate::vm::bytes_value(self.bytes(n)?.to_vec())
            }
            C_TUPLE => {
                let n = self.len()?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.constant(depth + 1)?);
                }
                Value::tuple(items)
            }
            C_ELLIPSIS => crate::vm::ellipsis(),
            C_CODE => crate::vm::code_value(self.code(depth + 1)?),
            _ => return None,
        })
    }
}

/// Decode what `dump` wrote. `source` becomes every code object's source
/// (for tracebacks). None if the data is malformed or truncated.
pub fn load(data: &[u8], source: Arc<Source>) -> Option<Arc<Code>> {
    crate::vm::types::init();
    let src = source.clone();
    let text = src.text();
    let mut pos = 0;
    let n = get_uv(data, &mut pos)? as usize;
    if n > data.len() {
        return None;
    }
    let mut strings = Vec::with_capacity(n);
    for _ in 0..n {
        let tag = get_uv(data, &mut pos)?;
        let len = (tag >> 1) as usize;
        let s = if tag & 1 == 1 {
            let at = get_uv(data, &mut pos)? as usize;
            text.get(at..at.checked_add(len)?)?
        } else {
            let s = std::str::from_utf8(data.get(pos..pos.checked_add(len)?)?).ok()?;
            pos += len;
            s
        };
        strings.push(s);
    }
    let mut r = Reader { data, pos, names: vec![None; n], str_consts: vec![None; n], filenames: vec![None; n], strings, source };
    let code = r.code(0)?;
    (r.pos == data.len()).then_some(code)
}

/// A full, readable account of a code object (every field but `source`,
/// constants with their types, nested code objects recursively): two code
/// objects are equivalent when their accounts are equal. For tests.
pub fn describe(code: &Code) -> String {
    let mut out = String::new();
    describe_into(code, &mut out);
    out
}

fn describe_into(c: &Code, out: &mut String) {
    use std::fmt::Write;
    let _ = writeln!(
        out,
        "== {} / {} in {} from line {}: args {} posonly {} kwonly {} stack {} {:?}",
        c.name, c.qualname, c.filename, c.first_line, c.argcount, c.posonlyargcount, c.kwonlyargcount, c.stacksize, c.flags
    );
    let _ = writeln!(out, "names {:?}", c.names.iter().map(|n| n.as_str().unwrap_or("<not a str>")).collect::<Vec<_>>());
    let _ = writeln!(out, "varnames {:?} cellvars {:?} freevars {:?} cell_args {:?}", c.varnames, c.cellvars, c.freevars, c.cell_args);
    for (i, (ins, l)) in c.instrs.iter().zip(&c.locs).enumerate() {
        let _ = writeln!(out, "{:4} {}:{}-{}:{} {:?}", i, l.line, l.col, l.end_line, l.end_col, ins);
    }
    if c.locs.len() != c.instrs.len() {
        let _ = writeln!(out, "{} locations for {} instructions", c.locs.len(), c.instrs.len());
    }
    let mut nested = Vec::new();
    for (i, v) in c.consts.iter().enumerate() {
        let _ = writeln!(out, "const {}: {}", i, describe_const(v, &mut nested));
    }
    for inner in nested {
        describe_into(&inner, out);
    }
}

fn describe_const(v: &Value, nested: &mut Vec<Arc<Code>>) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => format!("bool {}", b),
        Value::Int(i) => format!("int {}", i),
        Value::Float(f) => format!("float {:#x}", f.to_bits()),
        Value::Obj(o) => {
            let cls = if o.cls.is_some() { " (subclass)" } else { "" };
            let body = match &o.payload {
                Payload::Int(b) => format!("bigint {}", b),
                Payload::Complex(a, b) => format!("complex {:#x} {:#x}", a.to_bits(), b.to_bits()),
                Payload::Str(s) => format!("str {:?}", &*s.s),
                Payload::Bytes(b) => format!("bytes {:?}", b),
                Payload::Tuple(items) => format!("tuple ({})", items.iter().map(|x| describe_const(x, nested)).collect::<Vec<_>>().join(", ")),
                Payload::Code(c) => {
                    nested.push(c.clone());
                    format!("code {}", c.qualname)
                }
                Payload::Singleton(s) => format!("singleton {}", s),
                _ => "other".into(),
            };
            format!("{}{}", body, cls)
        }
    }
}
