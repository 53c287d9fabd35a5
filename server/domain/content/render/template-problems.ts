import type { LiquidError } from "liquidjs";

export type TemplateField = "source" | "subject" | "preheader" | "textBody" | "body";

/** One thing wrong (error: it cannot be sent) or worth a look (warning), pointing at the author's text. */
export type TemplateProblem = {
  severity: "error" | "warning";
  field: TemplateField;
  message: string;
  line?: number;
  column?: number;
};

export class TemplateCompileError extends Error {
  constructor(readonly problems: TemplateProblem[]) {
    super(problems.map(describeProblem).join("; "));
    this.name = "TemplateCompileError";
  }
}

export const describeProblem = (problem: TemplateProblem) =>
  `${problem.field}${problem.line ? ` line ${problem.line}${problem.column ? `, column ${problem.column}` : ""}` : ""}: ${problem.message}`;

const isLiquidError = (error: unknown): error is LiquidError =>
  error instanceof Error && "token" in error && typeof (error as LiquidError).token?.getPosition === "function";

/** A liquidjs error as a problem at the author's line and column; `lineOffset` maps a fragment back into its source. */
export const liquidProblem = (error: unknown, field: TemplateField, lineOffset = 0): TemplateProblem => {
  if (!isLiquidError(error)) return { severity: "error", field, message: error instanceof Error ? error.message : String(error) };
  const [line = 1, column = 1] = error.token.getPosition();
  // liquidjs appends ", line:3, col:5" to its messages; the position is reported separately here.
  const message = error.message.replace(/,? line:\d+, col:\d+$/, "").replace(/^[\w ]*Error: /, "");
  return { severity: "error", field, message, line: line + lineOffset, column };
};
