/**
 * MJML, juice and html-to-text parse markup; Liquid is not markup, and `{{ x | default: "a" }}` inside an
 * attribute or `{% for %}` between table rows would be mangled or moved. So Liquid is swapped for inert
 * placeholders before they run and put back after. A placeholder keeps the newlines of the tag it
 * replaces, so MJML's line numbers still point at the author's lines.
 */
const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const PLACEHOLDER = /hlq(\d+)x/g;

export type ProtectedLiquid = { text: string; tags: string[] };

export const protectLiquid = (source: string): ProtectedLiquid => {
  const tags: string[] = [];
  const text = source.replace(LIQUID, (tag) => {
    const newlines = tag.split("\n").length - 1;
    tags.push(tag);
    return `hlq${tags.length - 1}x${"\n".repeat(newlines)}`;
  });
  return { text, tags };
};

/** Puts the Liquid back; a placeholder's newlines go with it. HTML tools may have entity-encoded nothing here: placeholders are alphanumeric. */
export const restoreLiquid = (text: string, tags: readonly string[]): string =>
  text.replace(/hlq(\d+)x(\n*)/g, (whole, index: string, newlines: string) => {
    const tag = tags[Number(index)];
    if (tag === undefined) return whole;
    const expected = tag.split("\n").length - 1;
    return tag + newlines.slice(expected);
  });

export { PLACEHOLDER };
