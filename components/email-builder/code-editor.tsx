"use client";

import { useEffect, useMemo, useRef } from "react";
import CodeMirror, { EditorView, type EditorState, type ReactCodeMirrorRef } from "@uiw/react-codemirror";
import { html } from "@codemirror/lang-html";
import { syntaxTree } from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { cn } from "@/lib/cn";
import { MergeTagPicker } from "./merge-tag-picker";
import { mergeTagForAttribute } from "./merge-tags";
import type { MergeTag } from "./types";

export type CodeProblem = { line: number; column: number; message: string; severity: "error" | "warning" };

type CodeEditorProps = {
  value: string;
  onChange: (value: string) => void;
  mergeTags: readonly MergeTag[];
  /** 1-based line; 1-based column, or 0 when only the line is known. Shown in the gutter and underlined. */
  problems?: readonly CodeProblem[];
  /** Accessible name of the text area. */
  ariaLabel?: string;
  className?: string;
};

/**
 * Problems come from the server for the text it last saw. CodeMirror keeps diagnostics mapped through
 * later edits, so an underline stays on its tag while the author types until fresher problems arrive.
 */
const toDiagnostics = (state: EditorState, problems: readonly CodeProblem[]): Diagnostic[] =>
  problems.map((problem) => {
    const lineNumber = Math.min(Math.max(1, Math.trunc(problem.line) || 1), state.doc.lines);
    const line = state.doc.line(lineNumber);
    const indent = line.text.length - line.text.trimStart().length;
    // Without a column, mark the line's text; with one, mark the word (tag or attribute) that starts there.
    const from = problem.column > 1 ? Math.min(line.from + problem.column - 1, line.to) : line.from + indent;
    const rest = state.doc.sliceString(from, line.to);
    const word = /^[^\s>]+/.exec(rest)?.[0].length ?? 0;
    const to = problem.column > 1 ? from + Math.max(word, 1) : line.to;
    return { from, to: Math.min(Math.max(to, from), line.to), severity: problem.severity, message: problem.message, source: "MJML" };
  });

/** Liquid typed into an attribute value gets single quotes, so it cannot end the attribute early. */
const insertAtCursor = (view: EditorView, value: string) => {
  const { state } = view;
  const pos = state.selection.main.head;
  const node = syntaxTree(state).resolveInner(pos, -1);
  const inAttribute = node.name === "AttributeValue" || node.parent?.name === "AttributeValue";
  view.dispatch(state.replaceSelection(inAttribute ? mergeTagForAttribute(value) : value));
  view.focus();
};

/** MJML source editor: HTML highlighting, line numbers, lint markers for `problems`, a merge tag picker. */
export function CodeEditor({ value, onChange, mergeTags, problems = [], ariaLabel = "Email source", className }: CodeEditorProps) {
  const ref = useRef<ReactCodeMirrorRef>(null);

  const extensions = useMemo(
    () => [
      html({ matchClosingTags: true, autoCloseTags: true, selfClosingTags: true }),
      lintGutter(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ "aria-label": ariaLabel }),
    ],
    [ariaLabel],
  );

  useEffect(() => {
    const view = ref.current?.view;
    if (!view) return;
    view.dispatch(setDiagnostics(view.state, toDiagnostics(view.state, problems)));
  }, [problems]);

  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;

  return (
    <div className={cn("flex min-h-0 flex-col overflow-hidden rounded-lg border border-slate-300 bg-white", className)}>
      <div className="flex items-center gap-3 border-b border-slate-200 bg-slate-50 px-2 py-1.5">
        <MergeTagPicker
          mergeTags={mergeTags}
          onSelect={(tag) => {
            const view = ref.current?.view;
            if (view) insertAtCursor(view, tag.value);
          }}
        />
        <p className="ml-auto text-xs text-slate-500" aria-live="polite">
          {problems.length === 0
            ? "No problems"
            : [errors && `${errors} error${errors === 1 ? "" : "s"}`, warnings && `${warnings} warning${warnings === 1 ? "" : "s"}`]
                .filter(Boolean)
                .join(", ")}
        </p>
      </div>
      <CodeMirror
        ref={ref}
        value={value}
        onChange={onChange}
        onCreateEditor={(view) => view.dispatch(setDiagnostics(view.state, toDiagnostics(view.state, problems)))}
        extensions={extensions}
        basicSetup={{ lineNumbers: true, foldGutter: true, highlightActiveLine: true, autocompletion: false }}
        theme="light"
        height="100%"
        className="min-h-0 flex-1 overflow-auto text-sm"
      />
    </div>
  );
}
