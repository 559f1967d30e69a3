//! Scope analysis: which names a function, class or comprehension binds,
//! which it reads from enclosing functions (free), and which of its own names
//! nested scopes capture (cells). Runs per scope, just before it is compiled.

use ruff_python_ast::{self as ast, Expr, Pattern, Stmt};
use std::collections::BTreeSet;

pub type Names = BTreeSet<String>;

/// The analysis of one scope.
#[derive(Default, Debug, Clone)]
pub struct ScopeInfo {
    /// Names bound in this scope (params, assignments, imports, defs...).
    pub bound: Names,
    pub globals: Names,
    pub nonlocals: Names,
    /// Names read in this scope itself.
    pub uses: Names,
    /// Names that nested scopes need from this scope or beyond.
    pub child_free: Names,
    /// Walrus targets inside comprehensions, bound in this (enclosing) scope.
    pub walrus_in_comprehension: Names,
}

impl ScopeInfo {
    /// Names this scope needs from enclosing scopes.
    pub fn free(&self, is_class: bool) -> Names {
        let mut out = Names::new();
        for n in &self.uses {
            if (!self.bound.contains(n) || self.nonlocals.contains(n)) && !self.globals.contains(n) {
                out.insert(n.clone());
            }
        }
        for n in &self.child_free {
            // Class bindings are invisible to methods, so children's free names
            // pass through a class; only __class__ is provided by the class itself.
            let provided = if is_class { n == "__class__" } else { self.bound.contains(n) && !self.nonlocals.contains(n) };
            if !provided && !self.globals.contains(n) {
                out.insert(n.clone());
            }
        }
        out.extend(self.nonlocals.iter().cloned());
        out
    }
    /// Names of this scope that nested scopes capture.
    pub fn cells(&self) -> Names {
        self.child_free
            .iter()
            .filter(|n| self.bound.contains(*n) && !self.globals.contains(*n) && !self.nonlocals.contains(*n))
            .cloned()
            .collect()
    }
}

/// Analyze a function-like body with its parameters.
pub fn analyze_function(params: Option<&ast::Parameters>, body: &[Stmt]) -> ScopeInfo {
    let mut a = Analyzer::default();
    a.bind_params(params);
    for s in body {
        a.stmt(s);
    }
    a.finish()
}

/// Analyze a lambda.
pub fn analyze_lambda(params: Option<&ast::Parameters>, body: &Expr) -> ScopeInfo {
    let mut a = Analyzer::default();
    a.bind_params(params);
    a.expr(body);
    a.finish()
}

/// Analyze a class body.
pub fn analyze_class(body: &[Stmt]) -> ScopeInfo {
    let mut a = Analyzer::default();
    for s in body {
        a.stmt(s);
    }
    let mut info = a.finish();
    // Methods that use super() or __class__ get the implicit __class__ cell.
    if info.child_free.contains("__class__") {
        info.bound.insert("__class__".into());
    }
    info
}

/// Analyze a module body.
pub fn analyze_module(body: &[Stmt]) -> ScopeInfo {
    analyze_class(body)
}

/// Analyze a comprehension: `.0` is the first iterator; the element
/// expressions and the later generators run inside.
pub fn analyze_comprehension(generators: &[ast::Comprehension], elts: &[&Expr]) -> ScopeInfo {
    let mut a = Analyzer { in_comprehension: true, ..Default::default() };
    a.info.bound.insert(".0".into());
    for (i, g) in generators.iter().enumerate() {
        if i > 0 {
            a.expr(&g.iter);
        }
        a.target(&g.target);
        for cond in &g.ifs {
            a.expr(cond);
        }
    }
    for e in elts {
        a.expr(e);
    }
    let mut info = a.finish();
    // Walrus targets belong to the enclosing scope: free here.
    for n in info.walrus_in_comprehension.clone() {
        info.bound.remove(&n);
        info.nonlocals.insert(n);
    }
    info
}

#[derive(Default)]
struct Analyzer {
    info: ScopeInfo,
    in_comprehension: bool,
}

impl Analyzer {
    /// Parameters are bound in the function's own scope.
    fn bind_params(&mut self, params: Option<&ast::Parameters>) {
        let Some(p) = params else { return };
        for pw in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.bind(&pw.parameter.name.id);
        }
        for v in [&p.vararg, &p.kwarg].into_iter().flatten() {
            self.bind(&v.name.id);
        }
    }
    fn finish(self) -> ScopeInfo {
        let mut info = self.info;
        for g in info.globals.clone() {
            info.bound.remove(&g);
        }
        info
    }
    fn bind(&mut self, name: &str) {
        self.info.bound.insert(name.to_string());
    }
    fn use_name(&mut self, name: &str) {
        self.info.uses.insert(name.to_string());
    }
    fn child(&mut self, child: ScopeInfo, is_class: bool) {
        let free = child.free(is_class);
        for n in free {
            self.info.child_free.insert(n);
        }
        // Walrus in a comprehension binds in the nearest enclosing non-comprehension scope.
        for n in child.walrus_in_comprehension {
            if self.in_comprehension {
                self.info.walrus_in_comprehension.insert(n);
            } else {
                self.info.bound.insert(n);
            }
        }
    }

    fn target(&mut self, e: &Expr) {
        match e {
            Expr::Name(n) => self.bind(&n.id),
            Expr::Tuple(t) => t.elts.iter().for_each(|x| self.target(x)),
            Expr::List(t) => t.elts.iter().for_each(|x| self.target(x)),
            Expr::Starred(s) => self.target(&s.value),
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            other => self.expr(other),
        }
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn params_defaults(&mut self, p: &ast::Parameters) {
        for pw in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            if let Some(d) = &pw.default {
                self.expr(d);
            }
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression);
                }
                self.params_defaults(&f.parameters);
                self.bind(&f.name.id);
                let child = analyze_function(Some(&f.parameters), &f.body);
                self.child(child, false);
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a);
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value);
                    }
                }
                self.bind(&c.name.id);
                let child = analyze_class(&c.body);
                self.child(child, true);
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v);
                }
            }
            Stmt::Delete(d) => d.targets.iter().for_each(|t| self.target(t)),
            Stmt::Assign(a) => {
                self.expr(&a.value);
                a.targets.iter().for_each(|t| self.target(t));
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value);
                if let Expr::Name(n) = &*a.target {
                    self.use_name(&n.id);
                }
                self.target(&a.target);
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v);
                    self.target(&a.target);
                } else if let Expr::Name(n) = &*a.target {
                    // A bare annotation still makes the name local.
                    self.bind(&n.id);
                }
            }
            Stmt::TypeAlias(t) => {
                self.target(&t.name);
            }
            Stmt::For(f) => {
                self.expr(&f.iter);
                self.target(&f.target);
                self.stmts(&f.body);
                self.stmts(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.stmts(&w.body);
                self.stmts(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.stmts(&i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t);
                    }
                    self.stmts(&c.body);
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.target(v);
                    }
                }
                self.stmts(&w.body);
            }
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for c in &m.cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.stmts(&c.body);
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e);
                }
                if let Some(e) = &r.cause {
                    self.expr(e);
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.bind(&n.id);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(&t.orelse);
                self.stmts(&t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    match &a.asname {
                        Some(n) => self.bind(&n.id),
                        None => {
                            let first = a.name.id.split('.').next().unwrap_or("");
                            self.bind(first);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.id.as_str() == "*" {
                        continue;
                    }
                    match &a.asname {
                        Some(n) => self.bind(&n.id),
                        None => self.bind(&a.name.id),
                    }
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.info.globals.insert(n.id.to_string());
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    self.info.nonlocals.insert(n.id.to_string());
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
    }

    fn pattern(&mut self, p: &Pattern) {
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value),
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => s.patterns.iter().for_each(|p| self.pattern(p)),
            Pattern::MatchMapping(m) => {
                m.keys.iter().for_each(|k| self.expr(k));
                m.patterns.iter().for_each(|p| self.pattern(p));
                if let Some(r) = &m.rest {
                    self.bind(&r.id);
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls);
                c.arguments.patterns.iter().for_each(|p| self.pattern(p));
                c.arguments.keywords.iter().for_each(|k| self.pattern(&k.pattern));
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(&n.id);
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p);
                }
                if let Some(n) = &a.name {
                    self.bind(&n.id);
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().for_each(|p| self.pattern(p)),
        }
    }

    fn comprehension(&mut self, generators: &[ast::Comprehension], elts: &[&Expr]) {
        if let Some(first) = generators.first() {
            self.expr(&first.iter);
        }
        let child = analyze_comprehension(generators, elts);
        self.child(child, false);
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::BoolOp(b) => b.values.iter().for_each(|v| self.expr(v)),
            Expr::Named(n) => {
                self.expr(&n.value);
                if let Expr::Name(t) = &*n.target {
                    if self.in_comprehension {
                        self.info.walrus_in_comprehension.insert(t.id.to_string());
                        self.use_name(&t.id);
                    } else {
                        self.bind(&t.id);
                    }
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.params_defaults(p);
                }
                let child = analyze_lambda(l.parameters.as_deref(), &l.body);
                self.child(child, false);
            }
            Expr::If(i) => {
                self.expr(&i.test);
                self.expr(&i.body);
                self.expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.expr(k);
                    }
                    self.expr(&it.value);
                }
            }
            Expr::Set(s) => s.elts.iter().for_each(|x| self.expr(x)),
            Expr::ListComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension(&c.generators, &[&c.elt]),
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = vec![&c.value];
                if let Some(k) = &c.key {
                    elts.insert(0, k);
                }
                self.comprehension(&c.generators, &elts)
            }
            Expr::Await(a) => self.expr(&a.value),
            Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.expr(v);
                }
            }
            Expr::YieldFrom(y) => self.expr(&y.value),
            Expr::Compare(c) => {
                self.expr(&c.left);
                c.comparators.iter().for_each(|x| self.expr(x));
            }
            Expr::Call(c) => {
                self.expr(&c.func);
                if let Expr::Name(n) = &*c.func {
                    if n.id.as_str() == "super" {
                        self.use_name("__class__");
                    }
                }
                c.arguments.args.iter().for_each(|x| self.expr(x));
                c.arguments.keywords.iter().for_each(|k| self.expr(&k.value));
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements);
                    }
                }
            }
            Expr::TString(_) => {}
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => {
                if n.id.as_str() == "__class__" {
                    self.use_name("__class__");
                } else {
                    self.use_name(&n.id)
                }
            }
            Expr::List(l) => l.elts.iter().for_each(|x| self.expr(x)),
            Expr::Tuple(l) => l.elts.iter().for_each(|x| self.expr(x)),
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x);
                }
            }
        }
    }

    fn fstring_elements(&mut self, els: &ast::InterpolatedStringElements) {
        for el in els.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression);
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements);
                }
            }
        }
    }
}
