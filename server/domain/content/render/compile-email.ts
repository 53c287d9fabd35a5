import juice from "juice";
import mjml2html from "mjml";
import { htmlToPlainText } from "./html-to-plain-text";
import { liquidHtml } from "./liquid";
import { markLinks, type TemplateLink } from "./links";
import { compilePieces, type CompiledPieces } from "./pieces";
import { protectLiquid, restoreLiquid } from "./protect-liquid";
import { liquidProblem, TemplateCompileError, type TemplateField, type TemplateProblem } from "./template-problems";

export type EmailContent = {
  subject: string;
  preheader: string;
  sourceFormat: "mjml" | "html";
  source: string;
  /** The marketer's own plain-text part; when absent it is generated from the HTML. */
  customText?: string | null;
  /** Lines a layout put before the author's source, so problems point at the author's own lines. */
  sourceLineOffset?: number;
};

/** A template ready to render per recipient: parsed, MJML compiled, CSS inlined, links found, once. */
export type CompiledEmail = {
  subject: CompiledPieces;
  html: CompiledPieces;
  text: CompiledPieces;
  links: TemplateLink[];
  /** The HTML after MJML and inlining, Liquid still in it: what a campaign snapshots. */
  htmlSource: string;
  textSource: string;
  warnings: TemplateProblem[];
};

/**
 * Everything that is the same for every recipient happens here, once per campaign or preview; renderEmail
 * and buildMime then only fill in the recipient. Throws TemplateCompileError listing every error.
 */
export type CompileOptions = {
  /** Adds a 1×1 image whose src is the scope's `open_pixel_url`, for open tracking. */
  openPixel?: boolean;
};

export const compileEmail = async (content: EmailContent, options: CompileOptions = {}): Promise<CompiledEmail> => {
  const compiledHtml = await toHtml(content);
  const { problems } = compiledHtml;
  const html = options.openPixel ? insertOpenPixel(compiledHtml.html) : compiledHtml.html;
  const errors = problems.filter((p) => p.severity === "error");
  const textSource = content.customText ?? htmlToPlainText(html);
  const { html: marked, links } = markLinks(insertPreheader(html, content.preheader));
  const subject = tryCompile(() => compilePieces(content.subject.replace(/[\r\n]+/g, " "), "text"), "subject", errors);
  const body = tryCompile(() => compilePieces(marked, "html", links.map((l) => l.href)), "source", errors);
  const text = tryCompile(() => compilePieces(textSource, "text"), content.customText == null ? "source" : "textBody", errors);
  if (errors.length > 0 || !subject || !body || !text) throw new TemplateCompileError(errors);
  return {
    subject,
    html: body,
    text,
    links,
    htmlSource: html,
    textSource,
    warnings: problems.filter((p) => p.severity === "warning"),
  };
};

const tryCompile = (compile: () => CompiledPieces, field: TemplateField, errors: TemplateProblem[]) => {
  try {
    return compile();
  } catch (error) {
    // The body's Liquid was already checked line by line against the author's source in toHtml.
    if (!errors.some((e) => e.field === field)) errors.push(liquidProblem(error, field));
    return null;
  }
};

type MjmlError = { line: number; message: string; tagName: string };

/** MJML or HTML to inlined HTML, with Liquid kept intact; syntax problems come back with the author's line numbers. */
export const toHtml = async (content: EmailContent): Promise<{ html: string; problems: TemplateProblem[] }> => {
  const problems: TemplateProblem[] = [];
  try {
    liquidHtml.parse(content.source);
  } catch (error) {
    problems.push(liquidProblem(error, "source", -(content.sourceLineOffset ?? 0)));
  }
  const { text, tags } = protectLiquid(content.source);
  let html: string;
  if (content.sourceFormat === "mjml") {
    try {
      const result = await mjml2html(text, { validationLevel: "soft", keepComments: false });
      html = result.html;
      for (const error of result.errors as MjmlError[])
        problems.push({ severity: "error", field: "source", line: error.line, message: `<${error.tagName}>: ${error.message}` });
    } catch (error) {
      return { html: "", problems: [{ severity: "error", field: "source", message: `MJML could not be read: ${(error as Error).message}` }] };
    }
  } else {
    html = juice(text, { removeStyleTags: false, preserveMediaQueries: true });
  }
  html = restoreLiquid(stripScripts(html), tags);
  return { html, problems };
};

/** Mail clients never run scripts, and view-in-browser pages must not either. */
const stripScripts = (html: string) =>
  html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, "").replace(/<script\b[^>]*>/gi, "");

const OPEN_PIXEL = `<img src="{{ open_pixel_url }}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px;overflow:hidden">`;

/** At the very end of the body, so a client that stops loading images part-way still fetched the content first. */
const insertOpenPixel = (html: string) => {
  const end = html.toLowerCase().lastIndexOf("</body>");
  return end === -1 ? html + OPEN_PIXEL : html.slice(0, end) + OPEN_PIXEL + html.slice(end);
};

const PREHEADER_STYLE =
  "display:none;font-size:1px;color:#ffffff;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all";

/**
 * The preheader as the hidden first text of the body, padded so clients do not fill the inbox preview
 * with the body's first words. Its Liquid stays Liquid; the text around it is escaped here.
 */
export const insertPreheader = (html: string, preheader: string) => {
  if (!preheader.trim()) return html;
  const escaped = preheader.replace(/(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})|[&<>"]/g, (match, liquid?: string) =>
    liquid ? liquid : `&#${match.charCodeAt(0)};`,
  );
  const block = `<div class="herald-preheader" style="${PREHEADER_STYLE}">${escaped}${"&#847;&zwnj;&nbsp;".repeat(40)}</div>`;
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return block + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + block + html.slice(at);
};
