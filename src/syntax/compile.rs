//! Bytecode compiler: ruff's AST → `Code` objects, one per module, class body,
//! function, lambda and comprehension. Name resolution comes from `symtable`.

use super::symtable::{self, Names, ScopeInfo};
use crate::vm::code::{BinOp, CmpOp, Code, CodeFlags, Instr, Loc, Source, UnOp};
use crate::vm::value::Value;
use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;
use std::sync::Arc;

/// A compile error (reported as SyntaxError).
#[derive(Debug, Clone)]
pub struct CompileError {
    pub msg: String,
    pub range: TextRange,
}

type CResult<T = ()> = Result<T, CompileError>;

fn err<T>(msg: impl Into<String>, range: TextRange) -> CResult<T> {
    Err(CompileError { msg: msg.into(), range })
}

/// Maps byte offsets to (line, column).
pub struct LineIndex {
    starts: Vec<usize>,
    src: Arc<str>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            }
        }
        LineIndex { starts, src: src.into() }
    }
    /// 1-based line and 0-based character column of a byte offset.
    pub fn pos(&self, off: usize) -> (u32, u32) {
        let line = match self.starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        let end = off.min(self.src.len());
        let col = self.src.get(start..end).map(|s| s.chars().count()).unwrap_or(end - start);
        (line as u32 + 1, col as u32)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Module,
    Class,
    Function,
}

/// Compile-time record of an enclosing construct that `break`, `continue` and
/// `return` must unwind.
enum FBlock<'a> {
    Loop { start: usize, breaks: Vec<usize>, is_for: bool },
    /// A try body with an active SetupExcept.
    Try,
    /// A try body whose finally must run when leaving.
    Finally(&'a [Stmt]),
    /// Inside an except handler (PopExcept to leave), with the bound name to clear.
    Handler(Option<String>),
    /// Inside a `with` body: [exit] on the stack plus an active handler block.
    With { is_async: bool },
    /// Inside the exception path of a finally: an active handler + exc on stack.
    FinallyHandler,
    /// A finally body inlined by `return`: the return value waits on the stack.
    PendingReturn,
    /// Inside an `except*` handler, which break/continue/return may not leave.
    StarHandler,
}

struct Unit<'a> {
    kind: ScopeKind,
    code_name: String,
    qualname: String,
    instrs: Vec<Instr>,
    locs: Vec<Loc>,
    consts: Vec<Value>,
    names: Vec<Value>,
    name_map: HashMap<String, u32>,
    varnames: Vec<String>,
    var_map: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    info: ScopeInfo,
    flags: CodeFlags,
    argcount: u32,
    posonly: u32,
    kwonly: u32,
    first_line: u32,
    fblocks: Vec<FBlock<'a>>,
    loc: Loc,
    /// Names of enclosing *function* scopes' locals visible here (for free vars).
    enclosing: Names,
}

/// The compiler for one source file.
pub struct Compiler<'a> {
    lines: LineIndex,
    filename: Arc<str>,
    source: Arc<Source>,
    units: Vec<Unit<'a>>,
}

/// Compile a parsed module to its code object.
pub fn compile_module(module: &ast::ModModule, source: &str, filename: &str) -> Result<Arc<Code>, CompileError> {
    let mut c = Compiler {
        lines: LineIndex::new(source),
        filename: filename.into(),
        source: Arc::new(Source::new(source.to_string())),
        units: Vec::new(),
    };
    let info = symtable::analyze_module(&module.body);
    c.push_unit(ScopeKind::Module, "<module>".into(), "<module>".into(), info, Names::new(), 1);
    c.unit().flags.uses_namespace = true;
    if has_annotations(&module.body) {
        c.emit(Instr::BuildMap(0));
        let an = c.name("__annotations__");
        c.emit(Instr::StoreGlobal(an));
    }
    c.stmts(&module.body)?;
    let none = c.const_(Value::None);
    c.emit(Instr::LoadConst(none));
    c.emit(Instr::ReturnValue);
    Ok(c.pop_unit())
}

impl<'a> Compiler<'a> {
    pub fn line_index(&self) -> &LineIndex {
        &self.lines
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }

    fn push_unit(&mut self, kind: ScopeKind, name: String, qualname: String, info: ScopeInfo, enclosing: Names, first_line: u32) {
        let mut cellvars: Vec<String> = match kind {
            ScopeKind::Function => info.cells().into_iter().collect(),
            ScopeKind::Class => {
                if info.child_free.contains("__class__") {
                    vec!["__class__".to_string()]
                } else {
                    vec![]
                }
            }
            ScopeKind::Module => vec![],
        };
        cellvars.sort();
        let freevars: Vec<String> = match kind {
            ScopeKind::Module => vec![],
            _ => {
                let is_class = kind == ScopeKind::Class;
                info.free(is_class).into_iter().filter(|n| enclosing.contains(n)).collect()
            }
        };
        self.units.push(Unit {
            kind,
            code_name: name,
            qualname,
            instrs: Vec::new(),
            locs: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames: Vec::new(),
            var_map: HashMap::new(),
            cellvars,
            freevars,
            info,
            flags: CodeFlags::default(),
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            first_line,
            fblocks: Vec::new(),
            loc: Loc { line: first_line, col: 0, end_line: first_line, end_col: 0 },
            enclosing,
        });
    }

    fn pop_unit(&mut self) -> Arc<Code> {
        let mut u = self.units.pop().unwrap();
        crate::vm::code::fuse(&mut u.instrs);
        let cell_args = u
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, n)| {
                let nargs = u.argcount + u.kwonly + u.flags.varargs as u32 + u.flags.varkw as u32;
                u.var_map.get(n).filter(|&&vi| vi < nargs).map(|&vi| (ci as u32, vi))
            })
            .collect();
        let simple = crate::vm::code::simple_shape(&u.flags, u.kwonly, u.cellvars.len(), u.freevars.len());
        Arc::new(Code {
            simple,
            attr_hints: crate::vm::code::attr_hints(u.instrs.len()),
            name: u.code_name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            instrs: u.instrs,
            locs: u.locs,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell_args,
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            flags: u.flags,
            source: self.source.clone(),
            stacksize: 16,
        })
    }

    // ----- emission helpers -----

    fn set_loc(&mut self, r: TextRange) -> Loc {
        let (line, col) = self.lines.pos(r.start().to_usize());
        let (end_line, end_col) = self.lines.pos(r.end().to_usize());
        let new = Loc { line, col, end_line, end_col };
        std::mem::replace(&mut self.unit().loc, new)
    }
    fn restore_loc(&mut self, l: Loc) {
        self.unit().loc = l;
    }
    fn emit(&mut self, i: Instr) -> usize {
        let u = self.unit();
        u.instrs.push(i);
        let loc = u.loc;
        u.locs.push(loc);
        u.instrs.len() - 1
    }
    fn here(&mut self) -> usize {
        self.unit().instrs.len()
    }
    fn patch(&mut self, at: usize, target: usize) {
        let u = self.unit();
        let i = &mut u.instrs[at];
        match i.target_mut() {
            Some(t) => *t = target as u32,
            None => panic!("patch of non-jump {:?}", i),
        }
    }
    fn const_(&mut self, v: Value) -> u32 {
        let u = self.unit();
        // Share simple constants.
        for (i, c) in u.consts.iter().enumerate() {
            let same = match (c, &v) {
                (Value::None, Value::None) => true,
                (Value::Bool(a), Value::Bool(b)) => a == b,
                (Value::Int(a), Value::Int(b)) => a == b,
                (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
                (a, b) if a.as_str().is_some() && b.as_str().is_some() => a.as_str() == b.as_str(),
                _ => false,
            };
            if same {
                return i as u32;
            }
        }
        u.consts.push(v);
        (u.consts.len() - 1) as u32
    }
    fn name(&mut self, n: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_map.get(n) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(crate::vm::intern(n));
        u.name_map.insert(n.to_string(), i);
        i
    }
    fn varname(&mut self, n: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.var_map.get(n) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(n.to_string());
        u.var_map.insert(n.to_string(), i);
        i
    }
    fn load_const(&mut self, v: Value) {
        let c = self.const_(v);
        self.emit(Instr::LoadConst(c));
    }

    // ----- names -----

    fn cell_index(&self, n: &str) -> Option<u32> {
        let u = self.units.last().unwrap();
        if let Some(i) = u.cellvars.iter().position(|c| c == n) {
            return Some(i as u32);
        }
        u.freevars.iter().position(|c| c == n).map(|i| (u.cellvars.len() + i) as u32)
    }

    fn load_name(&mut self, n: &str) {
        let kind = self.unit().kind;
        let info_global = self.unit().info.globals.contains(n);
        match kind {
            ScopeKind::Module => {
                let i = self.name(n);
                self.emit(Instr::LoadGlobal(i));
            }
            ScopeKind::Class => {
                if info_global {
                    let i = self.name(n);
                    self.emit(Instr::LoadGlobal(i));
                } else if let Some(ci) = self.cell_index(n).filter(|_| n != "__class__" || true) {
                    if self.unit().freevars.iter().any(|f| f == n) {
                        let ni = self.name(n);
                        let _ = ni;
                        self.emit(Instr::LoadClassDeref(ci));
                    } else {
                        let i = self.name(n);
                        self.emit(Instr::LoadName(i));
                    }
                } else {
                    let i = self.name(n);
                    self.emit(Instr::LoadName(i));
                }
            }
            ScopeKind::Function => {
                if info_global {
                    let i = self.name(n);
                    self.emit(Instr::LoadGlobal(i));
                } else if let Some(ci) = self.cell_index(n) {
                    self.emit(Instr::LoadDeref(ci));
                } else if self.unit().info.bound.contains(n) {
                    let i = self.varname(n);
                    self.emit(Instr::LoadFast(i));
                } else {
                    let i = self.name(n);
                    self.emit(Instr::LoadGlobal(i));
                }
            }
        }
    }

    /// Is `n` a fast local of the current function (what `load_name` loads
    /// with LoadFast)?
    fn is_fast_local(&self, n: &str) -> bool {
        let u = self.units.last().unwrap();
        u.kind == ScopeKind::Function && !u.info.globals.contains(n) && self.cell_index(n).is_none() && u.info.bound.contains(n)
    }

    fn store_name(&mut self, n: &str) {
        let kind = self.unit().kind;
        let info_global = self.unit().info.globals.contains(n);
        let is_nonlocal = self.unit().info.nonlocals.contains(n);
        match kind {
            ScopeKind::Module => {
                let i = self.name(n);
                self.emit(Instr::StoreGlobal(i));
            }
            ScopeKind::Class => {
                if info_global {
                    let i = self.name(n);
                    self.emit(Instr::StoreGlobal(i));
                } else if is_nonlocal {
                    let ci = self.cell_index(n).unwrap_or(0);
                    self.emit(Instr::StoreDeref(ci));
                } else {
                    let i = self.name(n);
                    self.emit(Instr::StoreName(i));
                }
            }
            ScopeKind::Function => {
                if info_global {
                    let i = self.name(n);
                    self.emit(Instr::StoreGlobal(i));
                } else if let Some(ci) = self.cell_index(n) {
                    self.emit(Instr::StoreDeref(ci));
                } else {
                    let i = self.varname(n);
                    self.emit(Instr::StoreFast(i));
                }
            }
        }
    }

    fn delete_name(&mut self, n: &str) {
        let kind = self.unit().kind;
        let info_global = self.unit().info.globals.contains(n);
        match kind {
            ScopeKind::Module => {
                let i = self.name(n);
                self.emit(Instr::DeleteGlobal(i));
            }
            ScopeKind::Class => {
                let i = self.name(n);
                self.emit(if info_global { Instr::DeleteGlobal(i) } else { Instr::DeleteName(i) });
            }
            ScopeKind::Function => {
                if info_global {
                    let i = self.name(n);
                    self.emit(Instr::DeleteGlobal(i));
                } else if let Some(ci) = self.cell_index(n) {
                    self.emit(Instr::DeleteDeref(ci));
                } else {
                    let i = self.varname(n);
                    self.emit(Instr::DeleteFast(i));
                }
            }
        }
    }

    // ----- statements -----

    fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> CResult {
        let saved = self.set_loc(s.range());
        let r = self.stmt_inner(s);
        self.restore_loc(saved);
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match s {
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                self.emit(Instr::Pop);
            }
            Stmt::Pass(_) => {}
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        self.emit(Instr::Copy(1));
                    }
                    self.store_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.store_target(&a.target)?;
                }
                // Module and class bodies record `name: annotation` in __annotations__.
                if let (Expr::Name(n), true) = (&*a.target, a.simple && self.unit().kind != ScopeKind::Function) {
                    self.expr(&a.annotation)?;
                    let an = self.name("__annotations__");
                    self.emit(Instr::LoadName(an));
                    self.load_const(Value::str(n.id.as_str()));
                    self.emit(Instr::StoreSubscr);
                }
            }
            Stmt::TypeAlias(t) => return err("type aliases are not supported yet", t.range),
            Stmt::Return(r) => {
                if self.unit().kind != ScopeKind::Function {
                    return err("'return' outside function", r.range);
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                if self.unit().fblocks.iter().any(|b| matches!(b, FBlock::StarHandler)) {
                    // CPython points at the returned value, with one caret.
                    let at = r.value.as_ref().map(|v| TextRange::empty(v.range().start())).unwrap_or(r.range);
                    return err("'break', 'continue' and 'return' cannot appear in an except* block", at);
                }
                self.unwind_fblocks_for_return()?;
                self.emit(Instr::ReturnValue);
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::If(i) => {
                let mut ends = Vec::new();
                self.expr(&i.test)?;
                let mut jf = self.emit(Instr::PopJumpIfFalse(0));
                self.stmts(&i.body)?;
                for clause in &i.elif_else_clauses {
                    ends.push(self.emit(Instr::Jump(0)));
                    let here = self.here();
                    self.patch(jf, here);
                    match &clause.test {
                        Some(t) => {
                            let saved = self.set_loc(t.range());
                            self.expr(t)?;
                            self.restore_loc(saved);
                            jf = self.emit(Instr::PopJumpIfFalse(0));
                            self.stmts(&clause.body)?;
                        }
                        None => {
                            jf = usize::MAX;
                            self.stmts(&clause.body)?;
                        }
                    }
                }
                let end = self.here();
                if jf != usize::MAX {
                    self.patch(jf, end);
                }
                for e in ends {
                    self.patch(e, end);
                }
            }
            Stmt::While(w) => {
                let start = self.here();
                self.expr(&w.test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.unit().fblocks.push(FBlock::Loop { start, breaks: Vec::new(), is_for: false });
                self.stmts(&w.body)?;
                self.emit(Instr::Jump(start as u32));
                let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else { unreachable!() };
                let else_start = self.here();
                self.patch(jf, else_start);
                self.stmts(&w.orelse)?;
                let end = self.here();
                for b in breaks {
                    self.patch(b, end);
                }
            }
            Stmt::For(f) => {
                if f.is_async {
                    return self.async_for(f);
                }
                self.expr(&f.iter)?;
                self.emit(Instr::GetIter);
                let start = self.here();
                let saved = self.set_loc(f.iter.range());
                let fi = self.emit(Instr::ForIter(0));
                self.restore_loc(saved);
                self.store_target(&f.target)?;
                self.unit().fblocks.push(FBlock::Loop { start, breaks: Vec::new(), is_for: true });
                self.stmts(&f.body)?;
                self.emit(Instr::Jump(start as u32));
                let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else { unreachable!() };
                let else_start = self.here();
                self.patch(fi, else_start);
                self.stmts(&f.orelse)?;
                let end = self.here();
                for b in breaks {
                    self.patch(b, end);
                }
            }
            Stmt::Break(b) => self.break_continue(true, b.range)?,
            Stmt::Continue(c) => self.break_continue(false, c.range)?,
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Instr::Raise(n));
            }
            Stmt::Try(t) => self.try_stmt(t)?,
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                let jt = self.emit(Instr::PopJumpIfTrue(0));
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                let end = self.here();
                self.patch(jt, end);
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let saved = self.set_loc(alias.range);
                    self.load_const(Value::Int(0));
                    self.load_const(Value::None);
                    let full = alias.name.id.as_str();
                    let ni = self.name(full);
                    self.emit(Instr::ImportName(ni));
                    match &alias.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule.
                            for part in full.split('.').skip(1) {
                                let pi = self.name(part);
                                self.emit(Instr::LoadAttr(pi));
                            }
                            self.store_name(&asname.id);
                        }
                        None => {
                            let first = full.split('.').next().unwrap().to_string();
                            self.store_name(&first);
                        }
                    }
                    self.restore_loc(saved);
                }
            }
            Stmt::ImportFrom(i) => {
                let modname = i.module.as_ref().map(|m| m.id.to_string()).unwrap_or_default();
                self.load_const(Value::Int(i.level as i64));
                let names: Vec<Value> = i.names.iter().map(|a| Value::str(a.name.id.as_str())).collect();
                self.load_const(Value::tuple(names));
                let ni = self.name(&modname);
                self.emit(Instr::ImportName(ni));
                if i.names.len() == 1 && i.names[0].name.id.as_str() == "*" {
                    self.emit(Instr::ImportStar);
                    return Ok(());
                }
                for alias in &i.names {
                    let an = self.name(alias.name.id.as_str());
                    self.emit(Instr::ImportFrom(an));
                    let target = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.store_name(&target.id);
                }
                self.emit(Instr::Pop);
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::With(w) => self.with_stmt(w, 0)?,
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::IpyEscapeCommand(c) => return err("invalid syntax", c.range),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let op = binop(a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(&n.id);
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                self.store_name(&n.id);
            }
            Expr::Attribute(at) => {
                let ni = self.name(&at.attr.id);
                // `local.attr op= value`: the local is loaded again for the
                // store instead of kept under the value (the fused LoadFastAttr
                // and LoadFastStoreAttr then borrow it). The same object, since
                // only a walrus in `value` could rebind a fast local meanwhile.
                if let Expr::Name(n) = &*at.value {
                    if self.is_fast_local(&n.id) && !contains_walrus(&a.value) {
                        self.load_name(&n.id);
                        self.emit(Instr::LoadAttr(ni));
                        self.expr(&a.value)?;
                        self.emit(Instr::InplaceOp(op));
                        self.load_name(&n.id);
                        self.emit(Instr::StoreAttr(ni));
                        return Ok(());
                    }
                }
                self.expr(&at.value)?;
                self.emit(Instr::Copy(1));
                self.emit(Instr::LoadAttr(ni));
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(ni));
            }
            Expr::Subscript(sub) => {
                // `local[key] op= value` with a number or a fast local as the
                // key: both are loaded again for the store, as for attributes.
                if let Expr::Name(n) = &*sub.value {
                    let simple_key = match &*sub.slice {
                        Expr::NumberLiteral(_) => true,
                        Expr::Name(k) => self.is_fast_local(&k.id),
                        _ => false,
                    };
                    if simple_key && self.is_fast_local(&n.id) && !contains_walrus(&a.value) {
                        self.load_name(&n.id);
                        self.expr(&sub.slice)?;
                        self.emit(Instr::BinarySubscr);
                        self.expr(&a.value)?;
                        self.emit(Instr::InplaceOp(op));
                        self.load_name(&n.id);
                        self.expr(&sub.slice)?;
                        self.emit(Instr::StoreSubscr);
                        return Ok(());
                    }
                }
                self.expr(&sub.value)?;
                self.expr(&sub.slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                // stack: obj key value -> StoreSubscr wants value obj key
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            other => return err("'expression' is an illegal expression for augmented assignment", other.range()),
        }
        Ok(())
    }

    /// Emit the unwinding needed before `return` leaves every enclosing block.
    fn unwind_fblocks_for_return(&mut self) -> CResult {
        let n = self.unit().fblocks.len();
        let mut i = n;
        while i > 0 {
            i -= 1;
            self.unwind_one(i, true)?;
        }
        Ok(())
    }

    /// Emit code leaving fblock `i` (the return value, if any, is on top).
    fn unwind_one(&mut self, i: usize, preserve_top: bool) -> CResult {
        enum Act<'b> {
            PopIter,
            PopBlock,
            Finally(&'b [Stmt]),
            Handler(Option<String>),
            With,
            FinallyHandler,
            Nothing,
        }
        let act = match &self.unit().fblocks[i] {
            FBlock::Loop { is_for, .. } => {
                if *is_for {
                    Act::PopIter
                } else {
                    Act::Nothing
                }
            }
            FBlock::Try => Act::PopBlock,
            FBlock::Finally(body) => Act::Finally(body),
            FBlock::Handler(name) => Act::Handler(name.clone()),
            FBlock::With { .. } => Act::With,
            FBlock::FinallyHandler => Act::FinallyHandler,
            FBlock::PendingReturn => Act::PopIter,
            FBlock::StarHandler => Act::Nothing,
        };
        match act {
            Act::Nothing => {}
            Act::PopIter => {
                if preserve_top {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
            }
            Act::PopBlock => {
                self.emit(Instr::PopBlock);
            }
            Act::Finally(body) => {
                self.emit(Instr::PopBlock);
                // Run the finally body with the block removed so a nested
                // break/return doesn't unwind it twice; a break/continue in it
                // discards a pending return value.
                let saved: Vec<FBlock<'a>> = self.unit().fblocks.drain(i..).collect();
                if preserve_top {
                    self.unit().fblocks.push(FBlock::PendingReturn);
                }
                let r = self.stmts(body);
                if preserve_top {
                    self.unit().fblocks.pop();
                }
                let u = self.unit();
                u.fblocks.extend(saved);
                r?;
            }
            Act::Handler(name) => {
                self.emit(Instr::PopExcept);
                if preserve_top {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
                self.clear_handler_name(&name);
            }
            Act::FinallyHandler => {
                self.emit(Instr::PopExcept);
                if preserve_top {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
            }
            Act::With => {
                self.emit(Instr::PopBlock);
                if preserve_top {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::WithExitNormal);
                if let FBlock::With { is_async: true } = self.unit().fblocks[i] {
                    self.emit_await();
                }
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    fn break_continue(&mut self, is_break: bool, range: TextRange) -> CResult {
        let Some(loop_idx) = self.unit().fblocks.iter().rposition(|b| matches!(b, FBlock::Loop { .. })) else {
            return err(if is_break { "'break' outside loop" } else { "'continue' not properly in loop" }, range);
        };
        let n = self.unit().fblocks.len();
        if self.unit().fblocks[loop_idx + 1..].iter().any(|b| matches!(b, FBlock::StarHandler)) {
            return err("'break', 'continue' and 'return' cannot appear in an except* block", range);
        }
        for i in (loop_idx + 1..n).rev() {
            self.unwind_one(i, false)?;
        }
        if is_break {
            if let FBlock::Loop { is_for: true, .. } = self.unit().fblocks[loop_idx] {
                self.emit(Instr::Pop);
            }
            let j = self.emit(Instr::Jump(0));
            if let FBlock::Loop { breaks, .. } = &mut self.unit().fblocks[loop_idx] {
                breaks.push(j);
            }
        } else {
            let FBlock::Loop { start, .. } = self.unit().fblocks[loop_idx] else { unreachable!() };
            self.emit(Instr::Jump(start as u32));
        }
        Ok(())
    }

    fn try_stmt(&mut self, t: &'a ast::StmtTry) -> CResult {
        if !t.finalbody.is_empty() {
            // try: <try/except/else> finally: <final>
            let setup = self.emit(Instr::SetupExcept(0));
            self.unit().fblocks.push(FBlock::Finally(&t.finalbody));
            if t.handlers.is_empty() {
                self.stmts(&t.body)?;
            } else if t.is_star {
                self.try_except_star(t)?;
            } else {
                self.try_except(t)?;
            }
            self.unit().fblocks.pop();
            self.emit(Instr::PopBlock);
            self.stmts(&t.finalbody)?;
            let jend = self.emit(Instr::Jump(0));
            let handler = self.here();
            self.patch(setup, handler);
            self.unit().fblocks.push(FBlock::FinallyHandler);
            self.stmts(&t.finalbody)?;
            self.unit().fblocks.pop();
            self.emit(Instr::Reraise);
            let end = self.here();
            self.patch(jend, end);
            Ok(())
        } else if t.is_star {
            self.try_except_star(t)
        } else {
            self.try_except(t)
        }
    }

    /// `try ... except* T as e: ...` (PEP 654). The handler state lives on
    /// the stack: [orig, rest, raised]. Each clause splits `rest`; a match is
    /// entered as the handled exception (raised with Reraise into a fresh
    /// handler block, so it gets no traceback entry), and whatever its body
    /// raises is collected. ExcStarEnd raises what is left.
    fn try_except_star(&mut self, t: &'a ast::StmtTry) -> CResult {
        let jend = self.try_body(t)?;
        self.emit(Instr::ExcStarBegin);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let saved = self.set_loc(h.range);
            let Some(ty) = &h.type_ else {
                return err("expected one or more exception types", h.range);
            };
            self.expr(ty)?;
            let no_match = self.emit(Instr::ExcStarMatch(0));
            let enter = self.emit(Instr::SetupExcept(0));
            self.emit(Instr::Reraise);
            let here = self.here();
            self.patch(enter, here);
            let body_exc = self.emit(Instr::SetupExcept(0));
            let name = self.bind_handler_name(h);
            self.unit().fblocks.push(FBlock::StarHandler);
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Instr::PopBlock);
            self.emit(Instr::PopExcept);
            self.emit(Instr::Pop);
            self.clear_handler_name(&name);
            let next = self.emit(Instr::Jump(0));
            let here = self.here();
            self.patch(body_exc, here);
            self.emit(Instr::ExcStarCollect);
            self.emit(Instr::PopExcept);
            self.emit(Instr::PopExcept);
            self.emit(Instr::Pop);
            self.clear_handler_name(&name);
            let here = self.here();
            self.patch(next, here);
            self.patch(no_match, here);
            self.restore_loc(saved);
        }
        self.emit(Instr::ExcStarEnd);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        let end = self.here();
        self.patch(jend, end);
        Ok(())
    }

    /// The protected part of a `try`: body (under SetupExcept) and else
    /// clause. Leaves the handler's start patched in; returns the jump over
    /// the handlers to patch at the end.
    fn try_body(&mut self, t: &'a ast::StmtTry) -> CResult<usize> {
        let setup = self.emit(Instr::SetupExcept(0));
        self.unit().fblocks.push(FBlock::Try);
        self.stmts(&t.body)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(&t.orelse)?;
        let jend = self.emit(Instr::Jump(0));
        let handler_start = self.here();
        self.patch(setup, handler_start);
        Ok(jend)
    }

    /// `except ... as name`: bind the exception on top of the stack.
    fn bind_handler_name(&mut self, h: &ast::ExceptHandlerExceptHandler) -> Option<String> {
        let name = h.name.as_ref().map(|n| n.id.to_string());
        if let Some(n) = &name {
            self.emit(Instr::Copy(1));
            self.store_name(n);
        }
        name
    }

    /// `except ... as name`: the name is cleared when the handler ends.
    fn clear_handler_name(&mut self, name: &Option<String>) {
        if let Some(n) = name {
            self.load_const(Value::None);
            self.store_name(n);
            self.delete_name(n);
        }
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let mut ends = vec![self.try_body(t)?];
        // Stack in the handler: [exc]; a handler block is active.
        for (idx, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let saved = self.set_loc(h.range);
            let mut next = None;
            match &h.type_ {
                Some(ty) => {
                    self.emit(Instr::Copy(1));
                    self.expr(ty)?;
                    self.emit(Instr::CheckExcMatch);
                    next = Some(self.emit(Instr::PopJumpIfFalse(0)));
                }
                None => {
                    if idx + 1 != t.handlers.len() {
                        return err("default 'except:' must be last", h.range);
                    }
                }
            }
            let name = self.bind_handler_name(h);
            self.unit().fblocks.push(FBlock::Handler(name.clone()));
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Instr::PopExcept);
            self.emit(Instr::Pop);
            self.clear_handler_name(&name);
            ends.push(self.emit(Instr::Jump(0)));
            if let Some(nx) = next {
                let here = self.here();
                self.patch(nx, here);
            }
            self.restore_loc(saved);
        }
        // No handler matched: re-raise.
        self.emit(Instr::Reraise);
        let end = self.here();
        for e in ends {
            self.patch(e, end);
        }
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, item: usize) -> CResult {
        let it = &w.items[item];
        self.expr(&it.context_expr)?;
        if w.is_async {
            self.emit(Instr::SetupAsyncWith(0));
            self.emit_await();
        } else {
            self.emit(Instr::SetupWith(0));
        }
        let setup = self.emit(Instr::SetupWithBlock(0));
        match &it.optional_vars {
            Some(v) => self.store_target(v)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.unit().fblocks.push(FBlock::With { is_async: w.is_async });
        if item + 1 < w.items.len() {
            self.with_stmt(w, item + 1)?;
        } else {
            self.stmts(&w.body)?;
        }
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.emit(Instr::WithExitNormal);
        if w.is_async {
            self.emit_await();
        }
        self.emit(Instr::Pop);
        let jend = self.emit(Instr::Jump(0));
        let handler = self.here();
        self.patch(setup, handler);
        // Stack: [exit, exc], a handler block active.
        self.emit(Instr::WithExcept);
        if w.is_async {
            self.emit_await();
        }
        let jt = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        let suppress = self.here();
        self.patch(jt, suppress);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop); // exc
        self.emit(Instr::Pop); // exit
        let end = self.here();
        self.patch(jend, end);
        Ok(())
    }

    fn emit_await(&mut self) {
        self.emit(Instr::GetAwaitable);
        self.load_const(Value::None);
        let start = self.here();
        let send = self.emit(Instr::Send(0));
        self.emit(Instr::YieldValue);
        self.emit(Instr::Jump(start as u32));
        let end = self.here();
        self.patch(send, end);
    }

    fn async_for(&mut self, f: &'a ast::StmtFor) -> CResult {
        self.expr(&f.iter)?;
        self.emit(Instr::GetAIter);
        let start = self.here();
        let setup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::GetANext);
        self.emit_await();
        self.emit(Instr::PopBlock);
        self.store_target(&f.target)?;
        self.unit().fblocks.push(FBlock::Loop { start, breaks: Vec::new(), is_for: true });
        self.stmts(&f.body)?;
        self.emit(Instr::Jump(start as u32));
        let Some(FBlock::Loop { breaks, .. }) = self.unit().fblocks.pop() else { unreachable!() };
        let handler = self.here();
        self.patch(setup, handler);
        // [aiter, exc] with a handler block active
        self.emit(Instr::EndAsyncFor);
        self.stmts(&f.orelse)?;
        let end = self.here();
        for b in breaks {
            self.patch(b, end);
        }
        Ok(())
    }

    // ----- functions and classes -----

    fn qualname_for(&mut self, name: &str) -> String {
        let u = self.units.last().unwrap();
        match u.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            ScopeKind::Function => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Names visible as free variables to a child of the current unit.
    fn enclosing_for_child(&self) -> Names {
        let u = self.units.last().unwrap();
        let mut e = u.enclosing.clone();
        match u.kind {
            ScopeKind::Function => {
                for n in &u.info.bound {
                    if !u.info.globals.contains(n) {
                        e.insert(n.clone());
                    }
                }
                for n in &u.freevars {
                    e.insert(n.clone());
                }
            }
            ScopeKind::Class => {
                if u.cellvars.iter().any(|c| c == "__class__") {
                    e.insert("__class__".into());
                }
            }
            ScopeKind::Module => {}
        }
        for g in &u.info.globals {
            e.remove(g);
        }
        e
    }

    /// Push defaults/kwdefaults; returns MakeFunction flags.
    fn function_defaults(&mut self, p: Option<&'a ast::Parameters>) -> CResult<u32> {
        let mut flags = 0;
        let Some(p) = p else { return Ok(0) };
        let defaults: Vec<&Expr> = p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwd: Vec<(&str, &Expr)> =
            p.kwonlyargs.iter().filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.id.as_str(), d))).collect();
        if !kwd.is_empty() {
            for (n, d) in &kwd {
                self.load_const(Value::str(*n));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kwd.len() as u32));
            flags |= 2;
        }
        Ok(flags)
    }

    /// Push the annotations dict of a def (flag 8), if it has any.
    fn function_annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> CResult<u32> {
        let mut n = 0;
        let all = p.posonlyargs.iter().chain(p.args.iter()).map(|a| &a.parameter)
            .chain(p.vararg.as_deref())
            .chain(p.kwonlyargs.iter().map(|a| &a.parameter))
            .chain(p.kwarg.as_deref());
        for par in all {
            if let Some(ann) = &par.annotation {
                self.load_const(Value::str(par.name.id.as_str()));
                self.expr(ann)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Value::str("return"));
            self.expr(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Instr::BuildMap(n));
        Ok(8)
    }

    fn setup_params(&mut self, p: Option<&ast::Parameters>) {
        let Some(p) = p else { return };
        for a in p.posonlyargs.iter() {
            self.varname(&a.parameter.name.id);
        }
        for a in p.args.iter() {
            self.varname(&a.parameter.name.id);
        }
        for a in p.kwonlyargs.iter() {
            self.varname(&a.parameter.name.id);
        }
        let u = self.unit();
        u.posonly = p.posonlyargs.len() as u32;
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.kwonly = p.kwonlyargs.len() as u32;
        if let Some(v) = &p.vararg {
            self.unit().flags.varargs = true;
            self.varname(&v.name.id);
        }
        if let Some(v) = &p.kwarg {
            self.unit().flags.varkw = true;
            self.varname(&v.name.id);
        }
    }

    /// Emit the closure tuple for `code` (if it has free vars) and MakeFunction.
    fn make_closure(&mut self, code: Arc<Code>, mut flags: u32) {
        if !code.freevars.is_empty() {
            for fv in code.freevars.clone() {
                let ci = self.cell_index(&fv).expect("free var must be a cell in the parent");
                self.emit(Instr::LoadClosure(ci));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= 4;
        }
        self.load_const(crate::vm::code_value(code));
        self.emit(Instr::MakeFunction(flags));
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
        }
        let mut flags = self.function_defaults(Some(&f.parameters))?;
        flags |= self.function_annotations(&f.parameters, f.returns.as_deref())?;
        let info = symtable::analyze_function(Some(&f.parameters), &f.body);
        let qual = self.qualname_for(&f.name.id);
        let enclosing = self.enclosing_for_child();
        let (line, _) = self.lines.pos(f.range.start().to_usize());
        let def_line = f.decorator_list.first().map(|d| self.lines.pos(d.range.start().to_usize()).0).unwrap_or(line);
        let _ = def_line;
        self.push_unit(ScopeKind::Function, f.name.id.to_string(), qual, info, enclosing, line);
        self.setup_params(Some(&f.parameters));
        let has_yield = contains_yield(&f.body);
        {
            let u = self.unit();
            if f.is_async {
                if has_yield {
                    u.flags.async_generator = true;
                } else {
                    u.flags.coroutine = true;
                }
            } else if has_yield {
                u.flags.generator = true;
            }
        }
        // Docstring is the first constant (None if absent).
        let doc = docstring(&f.body);
        self.const_(doc);
        self.stmts(&f.body)?;
        self.load_const(Value::None);
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit();
        self.make_closure(code, flags);
        for _ in &f.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.store_name(&f.name.id);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
        }
        self.emit(Instr::LoadBuildClass);
        let info = symtable::analyze_class(&c.body);
        let qual = self.qualname_for(&c.name.id);
        let enclosing = self.enclosing_for_child();
        let (line, _) = self.lines.pos(c.range.start().to_usize());
        self.push_unit(ScopeKind::Class, c.name.id.to_string(), qual.clone(), info, enclosing, line);
        self.unit().flags.uses_namespace = true;
        // __module__, __qualname__ and __doc__
        let mn = self.name("__name__");
        self.emit(Instr::LoadGlobal(mn));
        let m = self.name("__module__");
        self.emit(Instr::StoreName(m));
        self.load_const(Value::str(qual.as_str()));
        let q = self.name("__qualname__");
        self.emit(Instr::StoreName(q));
        if let Value::Obj(_) = docstring(&c.body) {
            self.load_const(docstring(&c.body));
            let d = self.name("__doc__");
            self.emit(Instr::StoreName(d));
        }
        if has_annotations(&c.body) {
            self.emit(Instr::BuildMap(0));
            let an = self.name("__annotations__");
            self.emit(Instr::StoreName(an));
        }
        self.stmts(&c.body)?;
        if let Some(ci) = self.unit().cellvars.iter().position(|v| v == "__class__") {
            self.emit(Instr::LoadClosure(ci as u32));
            let cc = self.name("__classcell__");
            self.emit(Instr::StoreName(cc));
        }
        self.load_const(Value::None);
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit();
        self.make_closure(code, 0);
        self.load_const(Value::str(c.name.id.as_str()));
        // bases and keywords
        let (args, kws): (Vec<&Expr>, Vec<&ast::Keyword>) = match &c.arguments {
            Some(a) => (a.args.iter().collect(), a.keywords.iter().collect()),
            None => (vec![], vec![]),
        };
        self.call_args(&args, &kws, 2)?;
        for _ in &c.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.store_name(&c.name.id);
        Ok(())
    }

    // ----- assignment targets -----

    fn store_target(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => self.store_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let ni = self.name(&a.attr.id);
                self.emit(Instr::StoreAttr(ni));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::StoreSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
                match star {
                    Some(si) => {
                        if elts.iter().filter(|e| matches!(e, Expr::Starred(_))).count() > 1 {
                            return err("multiple starred expressions in assignment", t.range());
                        }
                        let after = elts.len() - si - 1;
                        self.emit(Instr::UnpackEx(si as u32 | ((after as u32) << 16)));
                    }
                    None => {
                        self.emit(Instr::UnpackSequence(elts.len() as u32));
                    }
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.store_target(&s.value)?,
                        other => self.store_target(other)?,
                    }
                }
            }
            Expr::Starred(s) => return err("starred assignment target must be in a list or tuple", s.range),
            other => {
                return err(format!("cannot assign to {}", expr_kind_name(other)), other.range());
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => self.delete_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let ni = self.name(&a.attr.id);
                self.emit(Instr::DeleteAttr(ni));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::DeleteSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            other => return err(format!("cannot delete {}", expr_kind_name(other)), other.range()),
        }
        Ok(())
    }

    // ----- expressions -----

    fn expr(&mut self, e: &'a Expr) -> CResult {
        match e {
            Expr::NumberLiteral(n) => {
                let v = match &n.value {
                    ast::Number::Int(i) => match i.as_i64() {
                        Some(v) => Value::Int(v),
                        None => {
                            let s = i.to_string().replace('_', "");
                            let (digits, radix) = if let Some(r) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
                                (r.to_string(), 16)
                            } else if let Some(r) = s.strip_prefix("0o").or_else(|| s.strip_prefix("0O")) {
                                (r.to_string(), 8)
                            } else if let Some(r) = s.strip_prefix("0b").or_else(|| s.strip_prefix("0B")) {
                                (r.to_string(), 2)
                            } else {
                                (s, 10)
                            };
                            let big = num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix)
                                .ok_or_else(|| CompileError { msg: "invalid integer literal".into(), range: n.range })?;
                            Value::bigint(big)
                        }
                    },
                    ast::Number::Float(f) => Value::Float(*f),
                    ast::Number::Complex { real, imag } => crate::vm::complex_value(*real, *imag),
                };
                self.load_const(v);
            }
            Expr::StringLiteral(s) => self.load_const(Value::str(s.value.to_str())),
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.iter().flat_map(|p| p.value.iter().copied()).collect();
                self.load_const(crate::vm::bytes_value(bytes));
            }
            Expr::BooleanLiteral(b) => self.load_const(Value::Bool(b.value)),
            Expr::NoneLiteral(_) => self.load_const(Value::None),
            Expr::EllipsisLiteral(_) => self.load_const(crate::vm::ellipsis()),
            Expr::Name(n) => {
                let saved = self.set_loc(n.range);
                self.load_name(&n.id);
                self.restore_loc(saved);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let saved = self.set_loc(a.range);
                let ni = self.name(&a.attr.id);
                self.emit(Instr::LoadAttr(ni));
                self.restore_loc(saved);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                let saved = self.set_loc(s.range);
                self.emit(Instr::BinarySubscr);
                self.restore_loc(saved);
            }
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::None),
                    }
                }
                match &s.step {
                    Some(x) => {
                        self.expr(x)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                let saved = self.set_loc(b.range);
                self.emit(Instr::BinaryOp(binop(b.op)));
                self.restore_loc(saved);
            }
            Expr::UnaryOp(u) => {
                // `-1`, `-2.5`: a negative constant, as CPython folds it.
                if let (ast::UnaryOp::USub, Expr::NumberLiteral(n)) = (u.op, &*u.operand) {
                    let folded = match &n.value {
                        ast::Number::Int(i) => i.as_i64().map(|v| Value::Int(-v)),
                        ast::Number::Float(f) => Some(Value::Float(-*f)),
                        ast::Number::Complex { .. } => None,
                    };
                    if let Some(v) = folded {
                        self.load_const(v);
                        return Ok(());
                    }
                }
                self.expr(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::USub => UnOp::Neg,
                };
                let saved = self.set_loc(u.range);
                self.emit(Instr::UnaryOp(op));
                self.restore_loc(saved);
            }
            Expr::BoolOp(b) => {
                let mut jumps = Vec::new();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < b.values.len() {
                        jumps.push(self.emit(match b.op {
                            ast::BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            ast::BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.patch(j, end);
                }
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::If(i) => {
                self.expr(&i.test)?;
                let jf = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(&i.body)?;
                let je = self.emit(Instr::Jump(0));
                let else_ = self.here();
                self.patch(jf, else_);
                self.expr(&i.orelse)?;
                let end = self.here();
                self.patch(je, end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Copy(1));
                match &*n.target {
                    Expr::Name(t) => self.store_walrus(&t.id),
                    other => return err("cannot use assignment expressions with this target", other.range()),
                }
            }
            Expr::Tuple(t) => self.sequence(&t.elts, Instr::BuildTuple(0))?,
            Expr::List(l) => self.sequence(&l.elts, Instr::BuildList(0))?,
            Expr::Set(s) => self.sequence(&s.elts, Instr::BuildSet(0))?,
            Expr::Dict(d) => self.dict(d)?,
            Expr::Call(c) => self.call(c)?,
            Expr::Lambda(l) => {
                let flags = self.function_defaults(l.parameters.as_deref())?;
                let info = symtable::analyze_lambda(l.parameters.as_deref(), &l.body);
                let qual = self.qualname_for("<lambda>");
                let enclosing = self.enclosing_for_child();
                let (line, _) = self.lines.pos(l.range.start().to_usize());
                self.push_unit(ScopeKind::Function, "<lambda>".into(), qual, info, enclosing, line);
                self.setup_params(l.parameters.as_deref());
                self.const_(Value::None);
                if contains_yield_expr(&l.body) {
                    self.unit().flags.generator = true;
                }
                self.expr(&l.body)?;
                self.emit(Instr::ReturnValue);
                let code = self.pop_unit();
                self.make_closure(code, flags);
            }
            Expr::ListComp(c) => self.comprehension(c.range, "<listcomp>", &c.generators, CompKind::List(&c.elt))?,
            Expr::SetComp(c) => self.comprehension(c.range, "<setcomp>", &c.generators, CompKind::Set(&c.elt))?,
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(c.range, "<dictcomp>", &c.generators, CompKind::Dict(k, &c.value))?,
                None => return err("dict unpacking cannot be used in dict comprehension", c.range),
            },
            Expr::Generator(c) => self.comprehension(c.range, "<genexpr>", &c.generators, CompKind::Gen(&c.elt))?,
            Expr::Yield(y) => {
                if self.unit().kind != ScopeKind::Function {
                    return err("'yield' outside function", y.range);
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                if self.unit().flags.async_generator {
                    self.emit(Instr::AsyncGenWrap);
                }
                self.emit(Instr::YieldValue);
            }
            Expr::YieldFrom(y) => {
                if self.unit().kind != ScopeKind::Function {
                    return err("'yield' outside function", y.range);
                }
                self.expr(&y.value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Value::None);
                let start = self.here();
                let send = self.emit(Instr::Send(0));
                self.emit(Instr::YieldValue);
                self.emit(Instr::Jump(start as u32));
                let end = self.here();
                self.patch(send, end);
            }
            Expr::Await(a) => {
                let u = self.units.last().unwrap();
                if u.kind != ScopeKind::Function || !(u.flags.coroutine || u.flags.async_generator || u.flags.is_comprehension) {
                    return err("'await' outside async function", a.range);
                }
                self.expr(&a.value)?;
                let saved = self.set_loc(a.range);
                self.emit_await();
                self.restore_loc(saved);
            }
            Expr::Starred(s) => return err("can't use starred expression here", s.range),
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(t) => return err("template strings are not supported yet", t.range),
            Expr::IpyEscapeCommand(c) => return err("invalid syntax", c.range),
        }
        Ok(())
    }

    fn store_walrus(&mut self, n: &str) {
        // In a comprehension, walrus binds in the enclosing scope (a free var or global).
        if self.unit().flags.is_comprehension {
            if let Some(ci) = self.cell_index(n) {
                self.emit(Instr::StoreDeref(ci));
                return;
            }
            let i = self.name(n);
            self.emit(Instr::StoreGlobal(i));
            return;
        }
        self.store_name(n)
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.expr(&c.left)?;
        let saved = self.set_loc(c.range);
        let n = c.ops.len();
        let mut cleanups = Vec::new();
        for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
            self.expr(right)?;
            if i + 1 < n {
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
            }
            self.emit(cmp_instr(*op));
            if i + 1 < n {
                cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
            }
        }
        if !cleanups.is_empty() {
            let j = self.emit(Instr::Jump(0));
            let cleanup = self.here();
            for c in cleanups {
                self.patch(c, cleanup);
            }
            // stack: [leftover, False] -> [False]
            self.emit(Instr::Swap(2));
            self.emit(Instr::Pop);
            let end = self.here();
            self.patch(j, end);
        }
        self.restore_loc(saved);
        Ok(())
    }

    /// Build a tuple/list/set, handling `*x` items.
    fn sequence(&mut self, elts: &'a [Expr], build: Instr) -> CResult {
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !has_star {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match build {
                Instr::BuildTuple(_) => Instr::BuildTuple(n),
                Instr::BuildList(_) => Instr::BuildList(n),
                _ => Instr::BuildSet(n),
            });
            return Ok(());
        }
        let is_set = matches!(build, Instr::BuildSet(_));
        self.emit(if is_set { Instr::BuildSet(0) } else { Instr::BuildList(0) });
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(if is_set { Instr::SetUpdate(1) } else { Instr::ListExtend(1) });
                }
                other => {
                    self.expr(other)?;
                    self.emit(if is_set { Instr::SetAdd(1) } else { Instr::ListAppend(1) });
                }
            }
        }
        if matches!(build, Instr::BuildTuple(_)) {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> CResult {
        let has_unpack = d.items.iter().any(|i| i.key.is_none());
        if !has_unpack {
            for it in &d.items {
                self.expr(it.key.as_ref().unwrap())?;
                self.expr(&it.value)?;
            }
            self.emit(Instr::BuildMap(d.items.len() as u32));
            return Ok(());
        }
        self.emit(Instr::BuildMap(0));
        for it in &d.items {
            match &it.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&it.value)?;
                    self.emit(Instr::MapAdd(1));
                }
                None => {
                    self.expr(&it.value)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        let args: Vec<&Expr> = c.arguments.args.iter().collect();
        let kws: Vec<&ast::Keyword> = c.arguments.keywords.iter().collect();
        // Zero-argument super(): pass __class__ and the first argument.
        if let Expr::Name(n) = &*c.func {
            if n.id.as_str() == "super" && args.is_empty() && kws.is_empty() && self.unit().kind == ScopeKind::Function {
                if let Some(ci) = self.cell_index("__class__") {
                    self.load_name("super");
                    self.emit(Instr::LoadDeref(ci));
                    let first = self.unit().varnames.first().cloned();
                    match first {
                        Some(f) => {
                            if let Some(fc) = self.cell_index(&f) {
                                self.emit(Instr::LoadDeref(fc));
                            } else {
                                self.emit(Instr::LoadFast(0));
                            }
                        }
                        None => return err("super(): no arguments", c.range()),
                    }
                    let saved = self.set_loc(c.range());
                    self.emit(Instr::Call(2));
                    self.restore_loc(saved);
                    return Ok(());
                }
            }
        }
        let simple = !args.iter().any(|a| matches!(a, Expr::Starred(_))) && !kws.iter().any(|k| k.arg.is_none());
        if let Expr::Attribute(a) = &*c.func {
            if simple && kws.is_empty() {
                self.expr(&a.value)?;
                let saved = self.set_loc(a.range);
                let ni = self.name(&a.attr.id);
                self.emit(Instr::LoadMethod(ni));
                self.restore_loc(saved);
                for x in &args {
                    self.expr(x)?;
                }
                let saved = self.set_loc(c.range());
                self.emit(Instr::CallMethod(args.len() as u32));
                self.restore_loc(saved);
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        let saved = self.set_loc(c.range());
        self.restore_loc(saved);
        self.call_args(&args, &kws, 0)?;
        Ok(())
    }

    /// Compile call arguments after the callable (and `extra` already-pushed
    /// positional args) and emit the call.
    fn call_args(&mut self, args: &[&'a Expr], kws: &[&'a ast::Keyword], extra: u32) -> CResult {
        let simple = !args.iter().any(|a| matches!(a, Expr::Starred(_))) && !kws.iter().any(|k| k.arg.is_none());
        let call_loc = self.unit().loc;
        if simple {
            for a in args {
                self.expr(a)?;
            }
            for k in kws {
                self.expr(&k.value)?;
            }
            self.unit().loc = call_loc;
            let n = extra + (args.len() + kws.len()) as u32;
            if kws.is_empty() {
                self.emit(Instr::Call(n));
            } else {
                let names: Vec<Value> = kws.iter().map(|k| Value::str(k.arg.as_ref().unwrap().id.as_str())).collect();
                self.load_const(Value::tuple(names));
                self.emit(Instr::CallKw(n));
            }
            return Ok(());
        }
        // General form: build an args list, then a kwargs dict.
        self.emit(Instr::BuildList(extra));
        for a in args {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Instr::ListExtend(1));
                }
                other => {
                    self.expr(other)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        self.emit(Instr::ListToTuple);
        if kws.is_empty() {
            self.unit().loc = call_loc;
            self.emit(Instr::CallEx(0));
            return Ok(());
        }
        self.emit(Instr::BuildMap(0));
        for k in kws {
            match &k.arg {
                Some(name) => {
                    self.load_const(Value::str(name.id.as_str()));
                    self.expr(&k.value)?;
                    self.emit(Instr::BuildMap(1));
                    self.emit(Instr::DictMerge(1));
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        self.unit().loc = call_loc;
        self.emit(Instr::CallEx(1));
        Ok(())
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut count = 0;
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => {
                    self.load_const(Value::str(&*l.value));
                    count += 1;
                }
                ast::FStringPart::FString(fs) => {
                    count += self.fstring_elements(&fs.elements)?;
                }
            }
        }
        if count != 1 {
            self.emit(Instr::BuildString(count));
        } else {
            // A lone literal is already a str; a lone field is formatted to str.
        }
        Ok(())
    }

    fn fstring_elements(&mut self, els: &'a ast::InterpolatedStringElements) -> CResult<u32> {
        let mut count = 0;
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    self.load_const(Value::str(&*l.value));
                    count += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(dt) = &i.debug_text {
                        let text = format!("{}{}{}", dt.leading(), &self.lines.src_slice(i.expression.range()), dt.trailing());
                        self.load_const(Value::str(text));
                        count += 1;
                        if conv == 0 && i.format_spec.is_none() {
                            conv = 2;
                        }
                    }
                    self.expr(&i.expression)?;
                    let mut flags = conv;
                    if let Some(spec) = &i.format_spec {
                        let n = self.fstring_elements(&spec.elements)?;
                        if n != 1 {
                            self.emit(Instr::BuildString(n));
                        }
                        flags |= 4;
                    }
                    self.emit(Instr::FormatValue(flags));
                    count += 1;
                }
            }
        }
        if count == 0 {
            self.load_const(Value::str(""));
            count = 1;
        }
        Ok(count)
    }

    fn comprehension(&mut self, range: TextRange, name: &str, gens: &'a [ast::Comprehension], kind: CompKind<'a>) -> CResult {
        let elts: Vec<&Expr> = match &kind {
            CompKind::List(e) | CompKind::Set(e) | CompKind::Gen(e) => vec![e],
            CompKind::Dict(k, v) => vec![k, v],
        };
        let info = symtable::analyze_comprehension(gens, &elts);
        let qual = self.qualname_for(name);
        let enclosing = self.enclosing_for_child();
        let (line, _) = self.lines.pos(range.start().to_usize());
        // The first iterator is evaluated in the enclosing scope.
        self.expr(&gens[0].iter)?;
        let is_async = gens.iter().any(|g| g.is_async) || contains_await_any(&elts);
        if gens[0].is_async {
            self.emit(Instr::GetAIter);
        } else {
            self.emit(Instr::GetIter);
        }
        let enclosing_async = {
            let u = self.units.last().unwrap();
            u.flags.coroutine || u.flags.async_generator
        };
        self.push_unit(ScopeKind::Function, name.into(), qual, info, enclosing, line);
        {
            let u = self.unit();
            u.flags.is_comprehension = true;
            u.argcount = 1;
            match kind {
                CompKind::Gen(_) => {
                    if is_async {
                        u.flags.async_generator = true;
                    } else {
                        u.flags.generator = true;
                    }
                }
                _ => {
                    if is_async {
                        u.flags.coroutine = true;
                    }
                }
            }
        }
        self.varname(".0");
        self.const_(Value::None);
        match kind {
            CompKind::List(_) => {
                self.emit(Instr::BuildList(0));
            }
            CompKind::Set(_) => {
                self.emit(Instr::BuildSet(0));
            }
            CompKind::Dict(..) => {
                self.emit(Instr::BuildMap(0));
            }
            CompKind::Gen(_) => {}
        }
        self.comp_loop(gens, 0, &kind, 1)?;
        if matches!(kind, CompKind::Gen(_)) {
            self.load_const(Value::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit();
        self.make_closure(code, 0);
        self.emit(Instr::Swap(2));
        self.emit(Instr::Call(1));
        if is_async && !matches!(kind, CompKind::Gen(_)) {
            if !enclosing_async {
                return err("asynchronous comprehension outside of an asynchronous function", range);
            }
            self.emit_await();
        }
        Ok(())
    }

    /// One `for ... in ... if ...` level; `depth` = stack items below the iterator
    /// that belong to the result (1 for list/set/dict, 0 for generators).
    fn comp_loop(&mut self, gens: &'a [ast::Comprehension], i: usize, kind: &CompKind<'a>, _depth: u32) -> CResult {
        let g = &gens[i];
        if i == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async { Instr::GetAIter } else { Instr::GetIter });
        }
        let start = self.here();
        let (fi, setup) = if g.is_async {
            let setup = self.emit(Instr::SetupExcept(0));
            self.emit(Instr::GetANext);
            self.emit_await();
            self.emit(Instr::PopBlock);
            (None, Some(setup))
        } else {
            (Some(self.emit(Instr::ForIter(0))), None)
        };
        self.store_target(&g.target)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            self.expr(cond)?;
            skips.push(self.emit(Instr::PopJumpIfFalse(0)));
        }
        if i + 1 < gens.len() {
            self.comp_loop(gens, i + 1, kind, _depth)?;
        } else {
            // Result container sits below all the iterators of this comprehension.
            let iters_below = (i + 1) as u32;
            match kind {
                CompKind::List(e) => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend(iters_below + 1));
                }
                CompKind::Set(e) => {
                    self.expr(e)?;
                    self.emit(Instr::SetAdd(iters_below + 1));
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(iters_below + 1));
                }
                CompKind::Gen(e) => {
                    self.expr(e)?;
                    if self.unit().flags.async_generator {
                        self.emit(Instr::AsyncGenWrap);
                    }
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
            }
        }
        for s in skips {
            self.patch(s, start);
        }
        self.emit(Instr::Jump(start as u32));
        let end = self.here();
        if let Some(fi) = fi {
            self.patch(fi, end);
        }
        if let Some(setup) = setup {
            self.patch(setup, end);
            self.emit(Instr::EndAsyncFor);
        }
        Ok(())
    }

    // ----- match -----

    fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.expr(&m.subject)?;
        let mut ends = Vec::new();
        for case in &m.cases {
            let saved = self.set_loc(case.range);
            // [subject] -> try pattern; on failure jump to next with [subject].
            self.emit(Instr::Copy(1));
            let mut fails = Vec::new();
            self.pattern(&case.pattern, &mut fails)?;
            if let Some(g) = &case.guard {
                self.expr(g)?;
                let j = self.emit(Instr::PopJumpIfFalse(0));
                // guard failure: subject still on stack
                let mut guard_fail = vec![j];
                self.emit(Instr::Pop);
                self.stmts(&case.body)?;
                ends.push(self.emit(Instr::Jump(0)));
                // pattern failure path: [subject, copy] -> pop copy
                let fail_here = self.here();
                for f in &fails {
                    self.patch(*f, fail_here);
                }
                if !fails.is_empty() {
                    self.emit(Instr::Pop);
                }
                let next = self.here();
                for j in guard_fail.drain(..) {
                    self.patch(j, next);
                }
            } else {
                self.emit(Instr::Pop);
                self.stmts(&case.body)?;
                ends.push(self.emit(Instr::Jump(0)));
                let fail_here = self.here();
                for f in &fails {
                    self.patch(*f, fail_here);
                }
                if !fails.is_empty() {
                    self.emit(Instr::Pop);
                }
            }
            self.restore_loc(saved);
        }
        // No case matched: drop the subject.
        self.emit(Instr::Pop);
        let end = self.here();
        for e in ends {
            self.patch(e, end);
        }
        Ok(())
    }

    /// Match the top of stack against `p`. On success the value is consumed;
    /// on failure, jumps (recorded in `fails`) leave the value on the stack.
    /// To keep failure stacks uniform, each sub-pattern works on a copy.
    fn pattern(&mut self, p: &'a Pattern, fails: &mut Vec<usize>) -> CResult {
        match p {
            Pattern::MatchAs(a) => {
                match &a.pattern {
                    Some(sub) => {
                        self.emit(Instr::Copy(1));
                        let mut sub_fails = Vec::new();
                        self.pattern(sub, &mut sub_fails)?;
                        self.fail_pop(sub_fails, fails);
                        match &a.name {
                            Some(n) => self.store_name(&n.id),
                            None => {
                                self.emit(Instr::Pop);
                            }
                        }
                    }
                    None => match &a.name {
                        Some(n) => self.store_name(&n.id),
                        None => {
                            self.emit(Instr::Pop);
                        }
                    },
                }
            }
            Pattern::MatchValue(v) => {
                self.emit(Instr::Copy(1));
                self.expr(&v.value)?;
                self.emit(Instr::CompareOp(CmpOp::Eq));
                fails.push(self.emit(Instr::PopJumpIfFalse(0)));
                self.emit(Instr::Pop);
            }
            Pattern::MatchSingleton(s) => {
                self.emit(Instr::Copy(1));
                self.load_const(match s.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                });
                self.emit(Instr::IsOp(0));
                fails.push(self.emit(Instr::PopJumpIfFalse(0)));
                self.emit(Instr::Pop);
            }
            Pattern::MatchOr(o) => {
                let mut success = Vec::new();
                for (i, alt) in o.patterns.iter().enumerate() {
                    self.emit(Instr::Copy(1));
                    let mut alt_fails = Vec::new();
                    self.pattern(alt, &mut alt_fails)?;
                    self.emit(Instr::Pop);
                    success.push(self.emit(Instr::Jump(0)));
                    let next = self.here();
                    for f in alt_fails {
                        self.patch(f, next);
                    }
                    self.emit(Instr::Pop); // the failed copy
                    if i + 1 == o.patterns.len() {
                        fails.push(self.emit(Instr::Jump(0)));
                    }
                }
                let ok = self.here();
                for s in success {
                    self.patch(s, ok);
                }
            }
            Pattern::MatchSequence(s) => {
                self.emit(Instr::MatchSequence);
                fails.push(self.emit(Instr::PopJumpIfFalse(0)));
                let star = s.patterns.iter().position(|p| matches!(p, Pattern::MatchStar(_)));
                self.emit(Instr::GetLen);
                match star {
                    None => {
                        self.load_const(Value::Int(s.patterns.len() as i64));
                        self.emit(Instr::CompareOp(CmpOp::Eq));
                    }
                    Some(_) => {
                        self.load_const(Value::Int(s.patterns.len() as i64 - 1));
                        self.emit(Instr::CompareOp(CmpOp::Ge));
                    }
                }
                fails.push(self.emit(Instr::PopJumpIfFalse(0)));
                // Unpack a copy and match each element; failures must pop the
                // remaining unpacked items, so unpack into a list and index instead.
                let n = s.patterns.len();
                for (i, sp) in s.patterns.iter().enumerate() {
                    self.emit(Instr::Copy(1));
                    match (star, sp) {
                        (Some(si), Pattern::MatchStar(ms)) => {
                            // subject[si : len-(n-si-1)]
                            self.load_const(Value::Int(si as i64));
                            let after = n - si - 1;
                            if after == 0 {
                                self.load_const(Value::None);
                            } else {
                                self.load_const(Value::Int(-(after as i64)));
                            }
                            self.emit(Instr::BuildSlice(2));
                            self.emit(Instr::BinarySubscr);
                            let lst = self.name("list");
                            let _ = lst;
                            match &ms.name {
                                Some(nm) => {
                                    self.emit(Instr::BuildList(0));
                                    self.emit(Instr::Swap(2));
                                    self.emit(Instr::ListExtend(1));
                                    self.store_name(&nm.id)
                                }
                                None => {
                                    self.emit(Instr::Pop);
                                }
                            }
                            continue;
                        }
                        (Some(si), _) if i > si => {
                            self.load_const(Value::Int(i as i64 - n as i64));
                        }
                        _ => {
                            self.load_const(Value::Int(i as i64));
                        }
                    }
                    self.emit(Instr::BinarySubscr);
                    let mut sub_fails = Vec::new();
                    self.pattern(sp, &mut sub_fails)?;
                    self.fail_pop(sub_fails, fails);
                }
                self.emit(Instr::Pop);
            }
            Pattern::MatchMapping(m) => {
                self.emit(Instr::MatchMapping);
                fails.push(self.emit(Instr::PopJumpIfFalse(0)));
                for k in m.keys.iter() {
                    self.expr(k)?;
                }
                self.emit(Instr::BuildTuple(m.keys.len() as u32));
                self.emit(Instr::MatchKeys);
                // [subject, keys, values-or-None]
                self.emit(Instr::Copy(1));
                self.load_const(Value::None);
                self.emit(Instr::IsOp(1));
                let j = self.emit(Instr::PopJumpIfFalse(0));
                // On failure: [subject, keys, values, item] -> pop item, values, keys.
                let subs: Vec<&Pattern> = m.patterns.iter().collect();
                self.match_items(&subs, 2, fails)?;
                self.emit(Instr::Pop); // values
                match &m.rest {
                    Some(r) => {
                        // [subject, keys] -> rest dict
                        self.emit(Instr::CopyDictWithoutKeys);
                        self.store_name(&r.id);
                        self.emit(Instr::Pop);
                    }
                    None => {
                        self.emit(Instr::Pop); // keys
                    }
                }
                self.emit(Instr::Pop); // subject
                let done = self.emit(Instr::Jump(0));
                // keys missing: [subject, keys, None]
                let miss = self.here();
                self.patch(j, miss);
                self.emit(Instr::Pop);
                self.emit(Instr::Pop);
                fails.push(self.emit(Instr::Jump(0)));
                let end = self.here();
                self.patch(done, end);
            }
            Pattern::MatchClass(c) => {
                self.emit(Instr::Copy(1));
                self.expr(&c.cls)?;
                let names: Vec<Value> = c.arguments.keywords.iter().map(|k| Value::str(k.attr.id.as_str())).collect();
                self.load_const(Value::tuple(names));
                self.emit(Instr::MatchClass(c.arguments.patterns.len() as u32));
                // [subject, attrs-or-None]
                self.emit(Instr::Copy(1));
                self.load_const(Value::None);
                self.emit(Instr::IsOp(1));
                let j = self.emit(Instr::PopJumpIfFalse(0));
                let all: Vec<&Pattern> =
                    c.arguments.patterns.iter().chain(c.arguments.keywords.iter().map(|k| &k.pattern)).collect();
                // On failure: [subject, attrs, item] -> pop item, attrs.
                self.match_items(&all, 1, fails)?;
                self.emit(Instr::Pop); // attrs
                self.emit(Instr::Pop); // subject
                let done = self.emit(Instr::Jump(0));
                let miss = self.here();
                self.patch(j, miss);
                self.emit(Instr::Pop);
                fails.push(self.emit(Instr::Jump(0)));
                let end = self.here();
                self.patch(done, end);
            }
            Pattern::MatchStar(s) => return err("can't use starred pattern here", s.range),
        }
        Ok(())
    }

    /// Sub-pattern failures leave [value, copy]: pop the copy, then fail.
    fn fail_pop(&mut self, sub_fails: Vec<usize>, fails: &mut Vec<usize>) {
        self.fail_pop_n(sub_fails, 1, fails);
    }

    /// Route sub-pattern failures through `n` Pops of the items they leave
    /// on the stack, then on to the pattern's own failure exit.
    fn fail_pop_n(&mut self, sub_fails: Vec<usize>, n: usize, fails: &mut Vec<usize>) {
        if sub_fails.is_empty() {
            return;
        }
        let skip = self.emit(Instr::Jump(0));
        let here = self.here();
        for f in sub_fails {
            self.patch(f, here);
        }
        for _ in 0..n {
            self.emit(Instr::Pop);
        }
        fails.push(self.emit(Instr::Jump(0)));
        let after = self.here();
        self.patch(skip, after);
    }

    /// Match item i of the tuple on top against patterns[i]; a failure pops
    /// the item plus `below` more stack entries before failing.
    fn match_items(&mut self, patterns: &[&'a Pattern], below: usize, fails: &mut Vec<usize>) -> CResult {
        for (i, sp) in patterns.iter().enumerate() {
            self.emit(Instr::Copy(1));
            self.load_const(Value::Int(i as i64));
            self.emit(Instr::BinarySubscr);
            let mut sub_fails = Vec::new();
            self.pattern(sp, &mut sub_fails)?;
            self.fail_pop_n(sub_fails, below + 1, fails);
        }
        Ok(())
    }
}

enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

impl LineIndex {
    pub fn src_slice(&self, r: TextRange) -> String {
        self.src.get(r.start().to_usize()..r.end().to_usize()).unwrap_or("").to_string()
    }
}

fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

fn cmp_instr(op: ast::CmpOp) -> Instr {
    use ast::CmpOp as C;
    match op {
        C::Eq => Instr::CompareOp(CmpOp::Eq),
        C::NotEq => Instr::CompareOp(CmpOp::Ne),
        C::Lt => Instr::CompareOp(CmpOp::Lt),
        C::LtE => Instr::CompareOp(CmpOp::Le),
        C::Gt => Instr::CompareOp(CmpOp::Gt),
        C::GtE => Instr::CompareOp(CmpOp::Ge),
        C::Is => Instr::IsOp(0),
        C::IsNot => Instr::IsOp(1),
        C::In => Instr::ContainsOp(0),
        C::NotIn => Instr::ContainsOp(1),
    }
}

fn expr_kind_name(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::BooleanLiteral(_) => "literal",
        Expr::NoneLiteral(_) => "None",
        Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::Lambda(_) => "lambda",
        Expr::FString(_) => "f-string expression",
        _ => "expression",
    }
}

/// Does a module/class body annotate names (at any nesting of if/for/try)?
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(a) => a.simple,
        Stmt::If(i) => has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => has_annotations(&t.body) || has_annotations(&t.orelse) || has_annotations(&t.finalbody),
        _ => false,
    })
}

fn docstring(body: &[Stmt]) -> Value {
    if let Some(Stmt::Expr(e)) = body.first() {
        if let Expr::StringLiteral(s) = &*e.value {
            return Value::str(s.value.to_str());
        }
    }
    Value::None
}

/// Does a function body contain yield (not counting nested scopes)?
fn contains_yield(body: &[Stmt]) -> bool {
    struct V(bool);
    impl<'a> ruff_python_ast::visitor::Visitor<'a> for V {
        fn visit_stmt(&mut self, s: &'a Stmt) {
            match s {
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                _ => ruff_python_ast::visitor::walk_stmt(self, s),
            }
        }
        fn visit_expr(&mut self, e: &'a Expr) {
            match e {
                Expr::Yield(_) | Expr::YieldFrom(_) => self.0 = true,
                Expr::Lambda(_) => {}
                Expr::ListComp(ast::ExprListComp { generators, .. })
                | Expr::SetComp(ast::ExprSetComp { generators, .. })
                | Expr::DictComp(ast::ExprDictComp { generators, .. })
                | Expr::Generator(ast::ExprGenerator { generators, .. }) => {
                    // Only the first iterator is evaluated in this scope.
                    self.visit_expr(&generators[0].iter);
                }
                _ => ruff_python_ast::visitor::walk_expr(self, e),
            }
        }
    }
    let mut v = V(false);
    for s in body {
        ruff_python_ast::visitor::Visitor::visit_stmt(&mut v, s);
    }
    v.0
}

/// Does `e` contain an assignment expression, anywhere (a walrus in a
/// comprehension binds in the enclosing function)?
fn contains_walrus(e: &Expr) -> bool {
    struct V(bool);
    impl<'a> ruff_python_ast::visitor::Visitor<'a> for V {
        fn visit_expr(&mut self, e: &'a Expr) {
            match e {
                Expr::Named(_) => self.0 = true,
                _ => ruff_python_ast::visitor::walk_expr(self, e),
            }
        }
    }
    let mut v = V(false);
    ruff_python_ast::visitor::Visitor::visit_expr(&mut v, e);
    v.0
}

fn contains_yield_expr(e: &Expr) -> bool {
    matches!(e, Expr::Yield(_) | Expr::YieldFrom(_))
}

fn contains_await_any(es: &[&Expr]) -> bool {
    struct V(bool);
    impl<'a> ruff_python_ast::visitor::Visitor<'a> for V {
        fn visit_expr(&mut self, e: &'a Expr) {
            match e {
                Expr::Await(_) => self.0 = true,
                Expr::Lambda(_) | Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {}
                _ => ruff_python_ast::visitor::walk_expr(self, e),
            }
        }
    }
    let mut v = V(false);
    for e in es {
        ruff_python_ast::visitor::Visitor::visit_expr(&mut v, e);
    }
    v.0
}
