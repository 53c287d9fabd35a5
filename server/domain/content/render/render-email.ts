import type { CompiledEmail } from "./compile-email";
import { joinPieces, type RenderHooks, type Scope } from "./pieces";

export type RenderedEmail = { subject: string; html: string; text: string };

/** One recipient's subject, HTML and text as they will read them: for previews and view-in-browser pages. */
export const renderEmail = (compiled: CompiledEmail, scope: Scope, hooks: RenderHooks = {}): RenderedEmail => ({
  subject: joinPieces(compiled.subject.pieces, scope, hooks).trim(),
  html: joinPieces(compiled.html.pieces, scope, hooks),
  text: joinPieces(compiled.text.pieces, scope, hooks),
});
