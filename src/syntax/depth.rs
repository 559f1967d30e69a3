//! A bound on how deeply the AST nests, checked before the symbol table and
//! the compiler walk it: both recurse once per level, so a deep enough
//! expression (`- - - … 1`, `1 + 1 + … + 1`, nested lambdas) would overflow
//! the Rust stack. Past the bound compiling raises CPython's
//! `RecursionError: maximum recursion depth exceeded during compilation`
//! (CPython's own bound is about 3000 levels).

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, ModModule, Pattern, Stmt};

/// Levels of statements, expressions and patterns, nested. The browser's
/// runner has a 1 MiB stack (ARCHITECTURE.md), natively the main thread 8 MiB.
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_DEPTH: usize = 3000;
#[cfg(target_arch = "wasm32")]
pub const MAX_DEPTH: usize = 1000;

struct Depth {
    depth: usize,
    too_deep: bool,
}

impl Depth {
    /// Walk one level down, unless the bound is reached (then stop walking:
    /// this walk recurses too).
    fn enter(&mut self, walk: impl FnOnce(&mut Self)) {
        if self.too_deep {
            return;
        }
        if self.depth >= MAX_DEPTH {
            self.too_deep = true;
            return;
        }
        self.depth += 1;
        walk(self);
        self.depth -= 1;
    }
}

impl<'a> Visitor<'a> for Depth {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.enter(|v| visitor::walk_stmt(v, stmt));
    }
    fn visit_expr(&mut self, expr: &'a Expr) {
        self.enter(|v| visitor::walk_expr(v, expr));
    }
    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        self.enter(|v| visitor::walk_pattern(v, pattern));
    }
}

/// Whether the module nests deeper than MAX_DEPTH.
pub fn too_deep(module: &ModModule) -> bool {
    let mut d = Depth { depth: 0, too_deep: false };
    d.visit_body(&module.body);
    d.too_deep
}
