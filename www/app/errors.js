// Finds where a run's error points in the user's file, from CPython-style
// stderr: the innermost `File "main.py", line N` frame of the last traceback
// (or a SyntaxError's location), and the ^/~ markers under the quoted line.

/**
 * Locate errors in `stderr` for the file `filename` of `source`.
 * Returns [{ line, from, to, message }]: 1-based line, 0-based columns in
 * the source line (to exclusive), and the exception's last line.
 */
export function locateErrors(stderr, source, filename = 'main.py') {
  const lines = stderr.split('\n');
  const srcLines = source.split('\n');
  const marker = `File "${filename}", line `;
  let found = null;
  let message = '';
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].indexOf(marker);
    if (at < 0) continue;
    const line = parseInt(lines[i].slice(at + marker.length), 10);
    if (!(line >= 1 && line <= srcLines.length)) continue;
    found = { line, at: i };
  }
  if (!found) return [];
  // The exception's own line: the first unindented line after the frame.
  for (let i = found.at + 1; i < lines.length; i++) {
    if (lines[i] && !lines[i].startsWith(' ')) { message = lines[i]; break; }
  }
  const src = srcLines[found.line - 1];
  const indent = src.length - src.trimStart().length;
  let from = indent;
  let to = src.trimEnd().length;
  // Quoted source line, then optionally a marker line of ^ and ~.
  const quoted = lines[found.at + 1];
  const marks = lines[found.at + 2];
  if (quoted !== undefined && marks !== undefined && /^\s*[~^]+\s*$/.test(marks)) {
    const qIndent = quoted.length - quoted.trimStart().length;
    const start = marks.search(/[~^]/);
    const end = marks.trimEnd().length;
    from = Math.max(0, start - qIndent + indent);
    to = Math.max(from + 1, end - qIndent + indent);
  }
  if (to <= from) to = from + 1;
  return [{ line: found.line, from, to, message }];
}

/** Typographic quotes that Python does not accept as string delimiters. */
export const CURLY = /[\u201c\u201d\u2018\u2019]/g;

/** Replace typographic quotes by straight ones. */
export function straightenQuotes(text) {
  return text.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'");
}
