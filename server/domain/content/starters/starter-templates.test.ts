import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { Liquid } from "liquidjs";
import mjml2html from "mjml";
import { beforeAll, describe, expect, it } from "vitest";
import { findStarterTemplate, STARTER_TEMPLATES, type StarterTemplate } from "./starter-templates";

// The same options as the renderer's engines (server/domain/content/render/liquid.ts), plus strict
// variables: a merge tag the sample scope below does not know is a typo in a starter.
const base = { strictFilters: true, ownPropertyOnly: true, cache: false } as const;
const strictHtml = new Liquid({ ...base, outputEscape: "escape", strictVariables: true, lenientIf: true });
const strictText = new Liquid({ ...base, strictVariables: true, lenientIf: true });
const lenientHtml = new Liquid({ ...base, outputEscape: "escape" });

const scope = {
  app_url: "https://mail.example.org",
  unsubscribe_url: "https://mail.example.org/u/tok-unsub",
  preferences_url: "https://mail.example.org/p/tok-prefs",
  view_in_browser_url: "https://mail.example.org/v/tok-view",
  workspace: { name: "Northwind Goods", postal_address: "123 Market Street, San Francisco, CA 94103" },
  contact: { first_name: "Ada", email: "ada@example.com", attributes: { plan: "Pro" } },
  event: {
    order_id: "10482",
    order_url: "https://shop.example.com/orders/10482",
    items: [
      { name: "Stoneware mug", quantity: 2, price: "$36.00" },
      { name: "Canvas tote", quantity: 1, price: "$28.00" },
    ],
    subtotal: "$64.00",
    shipping: "Free",
    tax: "$5.28",
    total: "$69.28",
    shipping_address: "A. Lovelace\n12 St James's Square\nLondon",
  },
};

const GMAIL_CLIP_BYTES = 102 * 1024;
const IMAGE_LIMIT_BYTES = 30 * 1024;
const IMAGE_DIR = path.resolve(import.meta.dirname, "../../../../public/starter-images");

const compiled = new Map<string, string>();
beforeAll(async () => {
  for (const starter of STARTER_TEMPLATES) {
    const result = await mjml2html(starter.mjml, { validationLevel: "strict" });
    expect(result.errors, starter.key).toEqual([]);
    compiled.set(starter.key, result.html);
  }
});
const htmlOf = (starter: StarterTemplate) => compiled.get(starter.key)!;

describe("starter templates", () => {
  it("cover every category once, with unique keys that findStarterTemplate resolves", () => {
    const keys = STARTER_TEMPLATES.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(STARTER_TEMPLATES.map((s) => s.category))).toEqual(
      new Set(["newsletter", "welcome", "promotion", "transactional", "re-engagement"]),
    );
    for (const starter of STARTER_TEMPLATES) expect(findStarterTemplate(starter.key)).toBe(starter);
    expect(findStarterTemplate("no-such-starter")).toBeUndefined();
  });

  for (const starter of STARTER_TEMPLATES) {
    describe(starter.key, () => {
      it("parses as Liquid: source, subject and preheader", () => {
        for (const text of [starter.mjml, starter.subject, starter.preheader]) expect(() => strictHtml.parse(text)).not.toThrow();
        expect(starter.name && starter.description && starter.subject && starter.preheader).toBeTruthy();
      });

      it("keeps every Liquid tag intact through MJML", () => {
        const tags = starter.mjml.match(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g) ?? [];
        expect(tags.length).toBeGreaterThan(0);
        for (const tag of tags) expect(htmlOf(starter), tag).toContain(tag);
      });

      it("links unsubscribe, preferences and view-in-browser, and names the sender and address", () => {
        const html = htmlOf(starter);
        expect(html).toContain('href="{{ unsubscribe_url }}"');
        expect(html).toContain('href="{{ preferences_url }}"');
        expect(html).toContain('href="{{ view_in_browser_url }}"');
        expect(html).toContain("{{ workspace.name }}");
        expect(html).toContain("{{ workspace.postal_address }}");
      });

      it("loads images only from Herald's own starter-images, each a small file that exists", () => {
        const html = htmlOf(starter);
        const sources = [...html.matchAll(/\s(?:src|background)="([^"]*)"/g)].map((m) => m[1]!);
        expect(html).not.toMatch(/url\(\s*['"]?https?:/);
        expect(html).not.toMatch(/<link\b|@import/i); // MJML imports Google Fonts when a design names one
        for (const src of sources) {
          const match = /^\{\{ app_url \}\}\/starter-images\/([a-z0-9-]+\.(?:png|jpg))$/.exec(src);
          expect(match, src).not.toBeNull();
          const file = path.join(IMAGE_DIR, match![1]!);
          expect(existsSync(file), file).toBe(true);
          expect(statSync(file).size).toBeLessThan(IMAGE_LIMIT_BYTES);
        }
      });

      it("renders with a full scope: no Liquid left, the merge values in, under Gmail's clipping size", async () => {
        const html = await strictHtml.parseAndRender(htmlOf(starter), scope);
        expect(html).not.toMatch(/\{\{|\}\}|\{%|%\}/);
        expect(html).toContain(`href="${scope.unsubscribe_url}"`);
        expect(html).toContain(`href="${scope.preferences_url}"`);
        expect(html).toContain(`href="${scope.view_in_browser_url}"`);
        expect(html).toContain(scope.workspace.postal_address);
        expect(html).toContain("Northwind Goods");
        expect(Buffer.byteLength(html, "utf8")).toBeLessThan(GMAIL_CLIP_BYTES);
        for (const src of html.matchAll(/\ssrc="([^"]*)"/g)) expect(src[1]).toMatch(/^https:\/\/mail\.example\.org\/starter-images\//);

        const subject = await strictText.parseAndRender(starter.subject, scope);
        const preheader = await strictText.parseAndRender(starter.preheader, scope);
        expect(`${subject} ${preheader}`).not.toMatch(/\{\{|\{%/);
      });

      it("renders with an empty contact: defaults stand in for missing fields", async () => {
        const sparse = { ...scope, contact: { email: "someone@example.com", attributes: {} } };
        const html = await lenientHtml.parseAndRender(htmlOf(starter), sparse);
        expect(html).not.toMatch(/\{\{|\{%/);
        expect(html).not.toContain("Ada");
        expect(html).toMatch(/\b(there|friend|Friend)\b/);
      });
    });
  }

  describe("order-receipt", () => {
    const receipt = findStarterTemplate("order-receipt")!;

    it("lists every event item with its quantity and price, and the totals", async () => {
      const html = await strictHtml.parseAndRender(htmlOf(receipt), scope);
      for (const item of scope.event.items) {
        expect(html).toContain(item.name);
        expect(html).toContain(item.price);
        expect(html).toContain(`Qty ${item.quantity}`);
      }
      for (const amount of [scope.event.subtotal, scope.event.tax, scope.event.total]) expect(html).toContain(amount);
      expect(html).toContain("#10482");
      expect(html).toContain(`href="${scope.event.order_url}"`);
      expect(html).toContain("12 St James&#39;s Square"); // event values are escaped like any merge value
      expect(await strictText.parseAndRender(receipt.subject, scope)).toBe("Your order #10482 is confirmed");
    });

    it("leaves out optional totals and falls back when the event carries only items and a total", async () => {
      const event = { order_id: "7", items: [{ name: "Gift card", price: "$50.00" }], total: "$50.00" };
      const html = await lenientHtml.parseAndRender(htmlOf(receipt), { ...scope, event });
      expect(html).toContain("Gift card");
      expect(html).toContain("Qty 1");
      expect(html).not.toContain("Subtotal");
      expect(html).not.toContain("Shipping to");
      expect(html).toContain("Receipt sent to");
      expect(html).toContain(scope.contact.email);
      expect(html).toContain('href="https://example.com/account/orders"');
    });
  });
});
