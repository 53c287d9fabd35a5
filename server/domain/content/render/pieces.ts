import type { Template } from "liquidjs";
import { compileFastOutput, type Scope } from "./fast-output";
import { liquidFor, type LiquidContext } from "./liquid";
import { encodeQuotedPrintablePiece } from "./quoted-printable";

export type { Scope };

/** Per-message choices the renderer cannot know at compile time, e.g. click-tracking URLs. */
export type RenderHooks = {
  /** Given a link's rendered href (attribute-encoded) and its index in the template (null when a loop made it), the href to send. */
  rewriteLink?: (href: string, index: number | null) => string;
};

/** A compiled template: invariant text kept as strings, the rest as closures over the recipient's scope. */
export type Piece = string | ((scope: Scope, hooks: RenderHooks) => string);
export type CompiledPieces = {
  /** False when the template needs liquidjs (it has tags such as if/for); such bodies are sent base64, not quoted-printable. */
  fast: boolean;
  pieces: Piece[];
};

/** Where compileEmail put each link's href; see links.ts. */
export const LINK_MARKER = /\u0001(\d+)\u0001/g;

const OUTPUT_OR_LINK = /\{\{(-?)([\s\S]*?)(-?)\}\}|\u0001(\d+)\u0001/g;

/**
 * Parses with liquidjs first, always: that is what reports syntax errors with line and column, and
 * what renders templates outside the fast grammar. `links` are the hrefs that LINK_MARKERs stand for.
 */
export const compilePieces = (source: string, context: LiquidContext, links: readonly string[] = []): CompiledPieces => {
  // liquidjs sees each href between control characters it leaves alone, so links can be found again after rendering.
  const withLinks = source.replace(LINK_MARKER, (_, index: string) => `\u0001${index}\u0002${links[Number(index)] ?? ""}\u0003`);
  const template = liquidFor(context).parse(withLinks);
  const fast = source.includes("{%") ? null : compileFast(source, context, links);
  return fast ?? { fast: false, pieces: [slowPiece(template, context)] };
};

const compileFast = (source: string, context: LiquidContext, links: readonly string[]): CompiledPieces | null => {
  const pieces: Piece[] = [];
  let cursor = 0;
  let trimNextStart = false;
  for (const match of source.matchAll(OUTPUT_OR_LINK)) {
    let text = source.slice(cursor, match.index);
    if (trimNextStart) text = text.trimStart();
    if (match[1] === "-") text = text.trimEnd();
    pushText(pieces, text);
    cursor = match.index + match[0].length;
    trimNextStart = match[3] === "-";
    if (match[4] !== undefined) {
      const index = Number(match[4]);
      const href = compileFast(links[index] ?? "", context, []);
      if (!href) return null;
      pieces.push(linkPiece(href.pieces, index));
      continue;
    }
    const output = compileFastOutput(match[2]!, context);
    if (!output) return null;
    pieces.push((scope) => output(scope));
  }
  let tail = source.slice(cursor);
  if (trimNextStart) tail = tail.trimStart();
  pushText(pieces, tail);
  return { fast: true, pieces };
};

const pushText = (pieces: Piece[], text: string) => {
  if (text.length === 0) return;
  const last = pieces.length - 1;
  if (typeof pieces[last] === "string") pieces[last] += text;
  else pieces.push(text);
};

const linkPiece =
  (href: Piece[], index: number): Piece =>
  (scope, hooks) => {
    const rendered = joinPieces(href, scope, hooks);
    return hooks.rewriteLink ? hooks.rewriteLink(rendered, index) : rendered;
  };

const RENDERED_LINK = /\u0001(\d+)\u0002([^\u0003]*)\u0003/g;

const slowPiece = (template: Template[], context: LiquidContext): Piece => {
  const liquid = liquidFor(context);
  return (scope, hooks) => {
    const rendered = liquid.renderSync(template, scope) as string;
    if (!rendered.includes("\u0001")) return rendered;
    const rewrite = hooks.rewriteLink;
    return rendered.replace(RENDERED_LINK, (_, index: string, href: string) => (rewrite ? rewrite(href, Number(index)) : href));
  };
};

export const joinPieces = (pieces: readonly Piece[], scope: Scope, hooks: RenderHooks = {}): string => {
  let out = "";
  for (const piece of pieces) out += typeof piece === "string" ? piece : piece(scope, hooks);
  return out;
};

/** The same template with every piece quoted-printable encoded; invariant text is encoded here, once. */
export const toQuotedPrintable = (compiled: CompiledPieces): Piece[] =>
  compiled.pieces.map((piece) =>
    typeof piece === "string" ? encodeQuotedPrintablePiece(piece) : (scope, hooks) => encodeQuotedPrintablePiece(piece(scope, hooks)),
  );

/** For subjects, plain-text bodies and SMS: compile once, render per recipient. */
export const compileTextTemplate = (source: string, options: { escape?: "none" | "html" } = {}) => {
  const compiled = compilePieces(source, options.escape === "html" ? "html" : "text");
  return { fast: compiled.fast, render: (scope: Scope) => joinPieces(compiled.pieces, scope) };
};
