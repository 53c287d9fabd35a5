const SELF_CLOSING_MJ = /<(mj-[a-z0-9-]+)((?:\s+[^<>]*?)?)\s*\/>/gi;

/**
 * GrapesJS reads MJML with the browser's HTML parser, which ignores `/>` on unknown elements: after
 * `<mj-image src="a.png" />` every sibling would become the image's child. Hand-written and starter
 * MJML uses self-closing tags all the time, so they are written out as open/close pairs first.
 * (The plugin's XML parser option would avoid this but fails on `&nbsp;` and unclosed `<br>` in text.)
 */
export const expandSelfClosingMjml = (mjml: string): string =>
  mjml.replace(SELF_CLOSING_MJ, (_whole, tag: string, attributes: string) => `<${tag}${attributes.trimEnd()}></${tag}>`);

/** An empty or body-less document still gives the canvas an `<mj-body>` to drop sections into. */
export const normalizeInitialMjml = (mjml: string): string => {
  const trimmed = mjml.trim();
  if (!/<mjml[\s>]/i.test(trimmed)) return "<mjml><mj-body></mj-body></mjml>";
  const expanded = expandSelfClosingMjml(trimmed);
  if (/<mj-body[\s>]/i.test(expanded)) return expanded;
  return expanded.replace(/<\/mjml>\s*$/i, "<mj-body></mj-body></mjml>");
};
