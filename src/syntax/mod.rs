//! Python source → code objects: parse with ruff_python_parser, analyse
//! scopes, compile to bytecode. Errors come back as SyntaxError instances
//! worded the way CPython words them.

pub mod compile;
pub mod symtable;

use crate::vm::code::Code;
use crate::vm::exc;
use crate::vm::value::Value;
use std::sync::Arc;

/// Compile a whole module; Err is a SyntaxError (or IndentationError) instance.
pub fn compile_source(source: &str, filename: &str) -> Result<Arc<Code>, Value> {
    crate::vm::types::init();
    let parsed = match ruff_python_parser::parse_module(source) {
        Ok(p) => p,
        Err(e) => return Err(parse_error(source, filename, &e)),
    };
    compile::compile_module(parsed.syntax(), source, filename).map_err(|e| {
        let idx = compile::LineIndex::new(source);
        let (line, col) = idx.pos(e.range.start().to_usize());
        let (_, end_col) = idx.pos(e.range.end().to_usize());
        let text = source.lines().nth(line as usize - 1).unwrap_or("");
        exc::syntax_error("SyntaxError", &e.msg, filename, line, col, text, end_col.max(col + 1))
    })
}

/// Translate a ruff parse error into CPython's wording.
fn parse_error(source: &str, filename: &str, e: &ruff_python_parser::ParseError) -> Value {
    let idx = compile::LineIndex::new(source);
    let start = e.location.start().to_usize();
    let (mut line, mut col) = idx.pos(start);
    let (_, mut end_col) = idx.pos(e.location.end().to_usize());
    let raw = e.error.to_string();
    let mut cls = "SyntaxError";
    let msg = cpython_message(source, &raw, start, &mut cls, &mut line, &mut col, &mut end_col, &idx);
    let text = source.lines().nth((line as usize).saturating_sub(1)).unwrap_or("");
    exc::syntax_error(cls, &msg, filename, line, col, text, end_col.max(col + 1))
}

#[allow(clippy::too_many_arguments)]
fn cpython_message(
    source: &str,
    raw: &str,
    start: usize,
    cls: &mut &'static str,
    line: &mut u32,
    col: &mut u32,
    end_col: &mut u32,
    idx: &compile::LineIndex,
) -> String {
    let lower = raw.to_lowercase();
    if lower.contains("unindent") || lower.contains("dedent") {
        *cls = "IndentationError";
        return "unindent does not match any outer indentation level".into();
    }
    if lower.contains("expected an indented block") {
        *cls = "IndentationError";
        return raw.replacen("Expected", "expected", 1);
    }
    if lower.contains("unexpected indentation") {
        *cls = "IndentationError";
        return "unexpected indent".into();
    }
    if let Some(rest) = raw.strip_prefix("Expected ") {
        // "Expected ':', found newline" → "expected ':'"
        let tok = rest.split(", found").next().unwrap_or(rest);
        if tok == "')'" || tok == "']'" || tok == "'}'" {
            // Report the unclosed opening bracket, as CPython does.
            let open = match tok {
                "')'" => '(',
                "']'" => '[',
                _ => '{',
            };
            if let Some(pos) = unclosed_bracket(source, start, open) {
                let (l, c) = idx.pos(pos);
                *line = l;
                *col = c;
                *end_col = c + 1;
                return format!("'{}' was never closed", open);
            }
        }
        return format!("expected {}", tok);
    }
    if lower.contains("missing closing quote") || lower.contains("unterminated string") {
        return format!("unterminated string literal (detected at line {})", line);
    }
    if lower.contains("invalid assignment target") {
        return "cannot assign to expression here. Maybe you meant '==' instead of '='?".into();
    }
    let mut m = raw.to_string();
    if let Some(f) = m.get(..1) {
        m = f.to_lowercase() + &m[1..];
    }
    if m.is_empty() {
        m = "invalid syntax".into();
    }
    m
}

/// The last bracket `open` before `pos` that is not closed before it.
fn unclosed_bracket(source: &str, pos: usize, open: char) -> Option<usize> {
    let close = match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    };
    let mut stack = Vec::new();
    for (i, c) in source[..pos.min(source.len())].char_indices() {
        if c == open {
            stack.push(i);
        } else if c == close {
            stack.pop();
        }
    }
    stack.last().copied().or_else(|| source.find(open))
}
