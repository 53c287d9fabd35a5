import type { MergeTag } from "./types";

/** Tags grouped by `group`, groups and tags in the order the caller gave them. */
export const groupMergeTags = (tags: readonly MergeTag[]): { group: string; tags: MergeTag[] }[] => {
  const groups = new Map<string, MergeTag[]>();
  for (const tag of tags) {
    const list = groups.get(tag.group);
    if (list) list.push(tag);
    else groups.set(tag.group, [tag]);
  }
  return [...groups].map(([group, list]) => ({ group, tags: list }));
};

/** Case-insensitive match on the label, the group or the Liquid itself, so `first_name` finds "First name". */
export const filterMergeTags = (tags: readonly MergeTag[], query: string): MergeTag[] => {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...tags];
  return tags.filter((tag) => {
    const haystack = `${tag.label} ${tag.group} ${tag.value}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
};

/**
 * The tag as it should go inside an HTML attribute (a link's href). Double quotes inside Liquid
 * (`default: "there"`) would end a double-quoted attribute, or come out as `&quot;` that Liquid cannot
 * read; Liquid takes single-quoted strings just as well, so they are swapped.
 */
export const mergeTagForAttribute = (value: string): string =>
  value.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, (liquid) => liquid.replace(/"/g, "'"));
