import { describe, expect, it } from "vitest";
import { compileFastOutput } from "./fast-output";
import { liquidHtml, liquidText } from "./liquid";

const scopes = [
  {
    contact: {
      first_name: "Ann <b>&amp;</b> \"O'Neil\"",
      last_name: "",
      age: 0,
      vip: false,
      tags: ["a", "b<"],
      attributes: { plan: "pro", seats: 12, nested: { deep: "x" } },
      note: "{{ not.liquid }} {% raw %}",
    },
    event: { items: [{ name: "Mug", price: 12.5 }], "cart-id": "c-1" },
  },
  { contact: { first_name: null, tags: [], attributes: {} } },
  {},
];

const expressions = [
  "contact.first_name",
  'contact.first_name | default: "there"',
  "contact.last_name | default: 'friend'",
  "contact.missing | default: contact.attributes.plan",
  "contact.age | default: 5",
  "contact.vip | default: true",
  "contact.tags",
  "contact.tags.size",
  "contact.tags.first",
  "contact.tags.last | upcase",
  "contact.tags[1]",
  'contact.attributes["plan"] | capitalize',
  "contact.attributes.seats",
  "contact.attributes.nested.deep | append: '!' | prepend: '¡'",
  "contact.first_name | downcase | strip",
  "contact.first_name | escape",
  "contact.first_name | raw",
  "contact.first_name | url_encode",
  'contact.first_name | replace: "n", "N" | remove: "<"',
  "contact.first_name | size",
  "contact.note",
  "event.items[0].name",
  "event.items.first.price",
  "event.cart-id",
  '"literal <x>"',
  "42",
  "contact.constructor",
  "contact.tags.__proto__",
  "  contact.first_name  |  lstrip | rstrip ",
];

describe("fast merge-tag outputs", () => {
  for (const context of ["html", "text"] as const) {
    const liquid = context === "html" ? liquidHtml : liquidText;
    it(`match liquidjs byte for byte (${context})`, () => {
      for (const expression of expressions) {
        const fast = compileFastOutput(expression, context);
        expect(fast, expression).not.toBeNull();
        const template = liquid.parse(`{{ ${expression} }}`);
        for (const scope of scopes) expect(fast!(scope), `${expression} in ${JSON.stringify(scope)}`).toBe(liquid.renderSync(template, scope));
      }
    });
  }

  it("escapes contact data in HTML, so markup and Liquid in a value stay inert", () => {
    const out = compileFastOutput("contact.note | append: contact.first_name", "html")!(scopes[0]!);
    expect(out).not.toContain("<b>");
    expect(out).toContain("&lt;b&gt;");
    expect(out).toContain("{{ not.liquid }}");
  });

  it("leaves anything outside its grammar to liquidjs", () => {
    for (const expression of ['x | date: "%Y"', "x | default: 1, allow_false: true", "x | nope", "(1..3)", "x == y", "empty", "x | truncate: 5"])
      expect(compileFastOutput(expression, "html"), expression).toBeNull();
  });
});
