//! Python source → code objects: parse with ruff_python_parser, analyse
//! scopes, compile to bytecode. Errors come back as SyntaxError instances
//! worded the way CPython words them.

pub mod compile;
pub mod depth;
pub mod symtable;

use crate::vm::code::Code;
use crate::vm::exc;
use crate::vm::value::Value;
use std::sync::Arc;

/// Compile a whole module; Err is a SyntaxError (or IndentationError) instance,
/// or RecursionError for a program nested too deeply to compile (depth.rs).
pub fn compile_source(source: &str, filename: &str) -> Result<Arc<Code>, Value> {
    crate::vm::types::init();
    let parsed = match ruff_python_parser::parse_module(source) {
        Ok(p) => p,
        Err(e) => return Err(parse_error(source, filename, &e)),
    };
    if depth::too_deep(parsed.syntax()) {
        let cls = crate::vm::types::types().exc("RecursionError");
        return Err(exc::new_exception_of(&cls, vec![Value::str("maximum recursion depth exceeded during compilation")]));
    }
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
    // ruff quotes tokens with backticks; CPython uses single quotes.
    let raw = &raw.replace('`', "'");
    let lower = raw.to_lowercase();
    // An unclosed bracket on an earlier line is what CPython reports.
    if raw.starts_with("Expected ") {
        for open in ['(', '[', '{'] {
            if let Some(pos) = unclosed_bracket(source, start, open) {
                let (l, c) = idx.pos(pos);
                if l < *line {
                    *line = l;
                    *col = c;
                    *end_col = c + 1;
                    return format!("'{}' was never closed", open);
                }
            }
        }
    }
    if lower.contains("simple statements must be separated")
        || lower.starts_with("expected a statement")
        || lower.starts_with("expected an expression")
    {
        return "invalid syntax".into();
    }
    if lower.contains("unindent") || lower.contains("dedent") {
        *cls = "IndentationError";
        return "unindent does not match any outer indentation level".into();
    }
    if lower.contains("expected an indented block") {
        *cls = "IndentationError";
        // CPython names the line of the statement that opened the block.
        let prev = source[..start.min(source.len())]
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|(i, _)| i + 1)
            .filter(|&n| (n as u32) < *line)
            .last();
        *end_col = *col + 1;
        let base = raw.replacen("Expected", "expected", 1);
        return match prev {
            Some(n) => format!("{} on line {}", base, n),
            None => base,
        };
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
    if lower.contains("unexpected unicode") {
        // An unknown \N{name}: ruff points at the name; CPython names the
        // escape's bytes within the literal's text.
        let src = source.as_bytes();
        let name_end = source[start.min(source.len())..].find('}').map(|i| start + i).unwrap_or(start);
        let escape = start.saturating_sub(3);
        let line_start = source[..escape].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let content = (line_start..escape).rev().find(|&i| src[i] == b'"' || src[i] == b'\'').map(|i| i + 1).unwrap_or(line_start);
        return format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: unknown Unicode character name",
            escape - content,
            name_end - content
        );
    }
    if lower.contains("missing closing quote") || lower.contains("unterminated string") {
        return format!("unterminated string literal (detected at line {})", line);
    }
    if lower.contains("invalid assignment target") {
        let target = source.get(start..).unwrap_or("").trim_start();
        let what = match target.chars().next() {
            Some(c) if c.is_ascii_digit() || c == '"' || c == '\'' => "literal",
            _ => "expression",
        };
        return format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", what);
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

/// The last bracket `open` before `pos` that is not closed before it
/// (skipping strings and comments).
fn unclosed_bracket(source: &str, pos: usize, open: char) -> Option<usize> {
    let close = match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    };
    let text = &source[..pos.min(source.len())];
    let bytes = text.as_bytes();
    let mut stack = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i] as char;
        match c {
            '#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            '\'' | '"' => {
                let triple = text[i..].starts_with(if c == '"' { "\"\"\"" } else { "\'\'\'" });
                let q = if triple { 3 } else { 1 };
                i += q;
                while i < bytes.len() {
                    if bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if bytes[i] as char == c && (!triple || text[i..].starts_with(&c.to_string().repeat(3))) {
                        i += q - 1;
                        break;
                    }
                    if !triple && bytes[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
            c if c == open => stack.push(i),
            c if c == close => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack.last().copied()
}
