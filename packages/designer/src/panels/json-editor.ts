/**
 * The JSON view's code editor: CodeMirror 6 with the JSON language and lint marks, and the
 * meta-schema checker. This module is the only one that imports CodeMirror (and, through
 * core's `checkDocument`, ajv's compiler), so the bundle makes it a chunk of its own, fetched
 * when the JSON view first opens (SPEC §9).
 */
import { basicSetup } from 'codemirror';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { json } from '@codemirror/lang-json';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { checkDocument, type Problem } from '@matterform/core';

export interface EditorMark {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface JsonEditorOptions {
  parent: HTMLElement;
  /** The shadow root the editor lives in: CodeMirror puts its styles there and reads the selection from it. */
  root: ShadowRoot;
  text: string;
  label: string;
  readonly: boolean;
  onChange(text: string): void;
  onApply(): void;
  onBlur(): void;
}

export interface JsonEditor {
  readonly text: string;
  /** Replaces the text, as the document's change (not the designer's typing: onChange is not called). */
  setText(text: string): void;
  setReadonly(readonly: boolean): void;
  setLabel(label: string): void;
  mark(marks: EditorMark[]): void;
  focus(): void;
  destroy(): void;
}

/** The meta-schema's problems of a matter document (SPEC §3), as `matterform validate` finds them. */
export function matterProblems(document: unknown): Problem[] {
  return checkDocument('matter', document, 'matter');
}

export function createJsonEditor(options: JsonEditorOptions): JsonEditor {
  const editable = new Compartment();
  const labelled = new Compartment();
  let outside = false;
  const editability = (readonly: boolean) => [EditorState.readOnly.of(readonly), EditorView.editable.of(!readonly)];
  // tabindex: the text is what keyboard users scroll the box with, and says so to axe.
  const attributes = (label: string) => EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' });
  const view = new EditorView({
    root: options.root,
    parent: options.parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        // Before the basic keymap, which gives Ctrl+Enter to "insert blank line".
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: () => {
                options.onApply();
                return true;
              },
            },
          ]),
        ),
        basicSetup,
        json(),
        // Long lines wrap: the box scrolls one way only, moved by the caret in the focusable text.
        EditorView.lineWrapping,
        editable.of(editability(options.readonly)),
        labelled.of(attributes(options.label)),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !outside) options.onChange(update.state.doc.toString());
        }),
        EditorView.domEventHandlers({
          blur: () => {
            options.onBlur();
            return false;
          },
        }),
      ],
    }),
  });
  return {
    get text() {
      return view.state.doc.toString();
    },
    setText(text) {
      outside = true;
      try {
        // Only the part that differs is replaced: the caret and the scroll position stay where
        // they were, and a one-field edit of a large document is a small change.
        const current = view.state.doc.toString();
        let start = 0;
        const shorter = Math.min(current.length, text.length);
        while (start < shorter && current.charCodeAt(start) === text.charCodeAt(start)) start++;
        let end = 0;
        while (
          end < shorter - start &&
          current.charCodeAt(current.length - 1 - end) === text.charCodeAt(text.length - 1 - end)
        )
          end++;
        if (start === current.length && start === text.length) return;
        view.dispatch({
          changes: { from: start, to: current.length - end, insert: text.slice(start, text.length - end) },
        });
      } finally {
        outside = false;
      }
    },
    setReadonly(readonly) {
      view.dispatch({ effects: editable.reconfigure(editability(readonly)) });
    },
    setLabel(label) {
      view.dispatch({ effects: labelled.reconfigure(attributes(label)) });
    },
    mark(marks) {
      const length = view.state.doc.length;
      const diagnostics: Diagnostic[] = marks.map((m) => ({
        from: Math.min(m.from, length),
        to: Math.min(Math.max(m.to, m.from), length),
        severity: m.severity,
        message: m.message,
      }));
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    focus() {
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}
