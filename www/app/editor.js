// The code editor: CodeMirror 6 with Python highlighting and indentation,
// line numbers, and error marks (gutter + underline) set from a run's
// traceback. Used by the playground page and by embeds.
import { EditorState, Compartment } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  indentOnInput, bracketMatching, syntaxHighlighting, HighlightStyle, indentUnit,
} from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { tags as t } from '@lezer/highlight';

// Colours come from CSS variables, so one style serves the light and dark themes.
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: 'var(--hl-keyword)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--hl-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--hl-number)' },
  { tag: [t.comment, t.lineComment], color: 'var(--hl-comment)', fontStyle: 'italic' },
  { tag: [t.function(t.definition(t.variableName)), t.definition(t.className)], color: 'var(--hl-def)', fontWeight: '600' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--hl-call)' },
  { tag: [t.className, t.typeName], color: 'var(--hl-def)' },
  { tag: [t.self, t.special(t.variableName)], color: 'var(--hl-keyword)' },
  { tag: t.invalid, color: 'var(--err)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', background: 'var(--code-bg)', color: 'var(--fg)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--fg)' },
  '.cm-gutters': { background: 'var(--code-gutter)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine': { background: 'var(--code-active)' },
  '.cm-activeLineGutter': { background: 'var(--code-active)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { background: 'var(--code-sel) !important' },
  '.cm-cursor': { borderLeftColor: 'var(--fg)' },
});

/**
 * Create an editor in `parent`. Options: doc, readOnly, onChange(text), onRun().
 * Returns { view, getCode, setCode, markErrors(errors), focus }.
 */
export function createEditor(parent, { doc = '', readOnly = false, onChange, onRun, label = 'Python source' } = {}) {
  const editable = new Compartment();
  const runKeys = keymap.of([
    { key: 'Mod-Enter', run: () => { if (onRun) onRun(); return true; } },
    { key: 'Shift-Enter', run: () => { if (onRun) onRun(); return true; } },
  ]);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(highlight),
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        python(),
        lintGutter(),
        runKeys,
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        theme,
        editable.of([EditorView.editable.of(!readOnly), EditorState.readOnly.of(readOnly)]),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && onChange) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    getCode: () => view.state.doc.toString(),
    setCode(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    /** Mark errors: [{ line, from, to, message }] (1-based line, columns in it). */
    markErrors(errors) {
      const doc = view.state.doc;
      const diags = [];
      for (const e of errors) {
        if (e.line < 1 || e.line > doc.lines) continue;
        const line = doc.line(e.line);
        const from = Math.min(line.from + e.from, line.to);
        const to = Math.max(from, Math.min(line.from + e.to, line.to));
        diags.push({ from, to, severity: 'error', message: e.message || 'error' });
      }
      view.dispatch(setDiagnostics(view.state, diags));
    },
    focus: () => view.focus(),
  };
}
