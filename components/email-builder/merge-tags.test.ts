import { describe, expect, it } from "vitest";
import { filterMergeTags, groupMergeTags, mergeTagForAttribute } from "./merge-tags";

const tags = [
  { label: "First name", value: '{{ contact.first_name | default: "there" }}', group: "Contact" },
  { label: "Email", value: "{{ contact.email }}", group: "Contact" },
  { label: "Workspace name", value: "{{ workspace.name }}", group: "Workspace" },
  { label: "Unsubscribe link", value: "{{ unsubscribe_url }}", group: "Links" },
];

describe("merge tags", () => {
  it("groups in first-seen order", () => {
    expect(groupMergeTags(tags).map((g) => [g.group, g.tags.length])).toEqual([
      ["Contact", 2],
      ["Workspace", 1],
      ["Links", 1],
    ]);
  });

  it("filters on label, group and Liquid, every word must match", () => {
    expect(filterMergeTags(tags, "first").map((t) => t.label)).toEqual(["First name"]);
    expect(filterMergeTags(tags, "first_name").map((t) => t.label)).toEqual(["First name"]);
    expect(filterMergeTags(tags, "workspace").map((t) => t.label)).toEqual(["Workspace name"]);
    expect(filterMergeTags(tags, "contact mail").map((t) => t.label)).toEqual(["Email"]);
    expect(filterMergeTags(tags, "  ")).toHaveLength(4);
  });

  it("makes Liquid safe inside a double-quoted attribute without touching text around it", () => {
    expect(mergeTagForAttribute('{{ contact.first_name | default: "there" }}')).toBe("{{ contact.first_name | default: 'there' }}");
    expect(mergeTagForAttribute('https://x.test/?q="a"&n={{ contact.email | append: "x" }}')).toBe(
      "https://x.test/?q=\"a\"&n={{ contact.email | append: 'x' }}",
    );
    expect(mergeTagForAttribute("{{ unsubscribe_url }}")).toBe("{{ unsubscribe_url }}");
  });
});
