// CodeMirror for the exercise and kit widgets: one bundle (vendor/codemirror.js),
// imported on the first sign of intent, never on page load.
const editorUrl = new URL("../vendor/codemirror.js", import.meta.url);

let editorModule;
export const loadEditor = () => (editorModule ??= import(editorUrl.href));

/**
 * An editor state holding `doc`: Python highlighting when `python` is true
 * (other text wraps its lines),
 * Ctrl/Cmd-Enter calls `onRun`, every change calls `onChange`.
 */
export async function editorState(doc, { python = true, onRun, onChange, label, describedBy }) {
  const cm = await loadEditor();
  return cm.EditorState.create({
    doc,
    extensions: [
      // Before basicSetup, so Mod-Enter runs instead of inserting a blank line.
      cm.keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }, cm.indentWithTab]),
      cm.basicSetup,
      // Prose and data (README.md, orders.csv) wrap; code scrolls sideways.
      python ? cm.python() : cm.EditorView.lineWrapping,
      // Token classes styled by guide.css with the site's code colours, in
      // both schemes (basicSetup's own colours are a fallback, now unused).
      cm.syntaxHighlighting(cm.classHighlighter),
      cm.EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange();
      }),
      cm.EditorView.contentAttributes.of({
        "aria-label": label,
        "aria-describedby": describedBy,
        // In the tab order already (contenteditable); said explicitly so that
        // checkers see the scroller around it has focusable content.
        tabindex: "0",
      }),
    ],
  });
}

/** An editor showing `state` in place of `fallback`, focused if the fallback was. */
export async function mountEditor(fallback, state) {
  const { EditorView } = await loadEditor();
  const hadFocus = document.activeElement === fallback;
  const view = new EditorView({ state });
  fallback.replaceWith(view.dom);
  if (hadFocus) view.focus();
  return view;
}

/** The editor's text, replaced by `text` as one change (undoable, and saved by onChange). */
export function replaceText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
