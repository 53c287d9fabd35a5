import { describe, expect, it } from "vitest";
import { renderSms } from "./render-sms";

const template = (body: string, overrides: Partial<Parameters<typeof renderSms>[0]["template"]> = {}) => ({
  body,
  optOutFooter: "",
  characterPolicy: "keep" as const,
  ...overrides,
});
const contact = { contact: { first_name: "Chloé", last_name: "O’Neil", attributes: {} }, workspace: { name: "Herald Café" } };

describe("renderSms", () => {
  it("fills merge tags, appends the footer on its own line, and prices segments × the route's price", () => {
    const sms = renderSms({
      template: template("Hi {{ contact.first_name }}, 20% off at {{ workspace.name }} today!  \n", { optOutFooter: " Reply STOP to opt out " }),
      route: { charset: "ucs2", pricePerSegment: 0.05 },
      scope: contact,
    });
    expect(sms).toMatchObject({
      text: "Hi Chloé, 20% off at Herald Café today!\nReply STOP to opt out",
      encoding: "gsm7",
      units: 61,
      segments: 1,
      remaining: 99,
      replaced: [],
      removed: [],
      cost: 0.05,
    });
  });

  it("keeps a contact's smart quote under 'keep' (UCS-2), swaps it under 'replace' (GSM-7)", () => {
    const body = `Dear {{ contact.last_name }}, ${"x".repeat(60)}`;
    const route = { charset: "ucs2" as const, pricePerSegment: 0.0333 };
    const kept = renderSms({ template: template(body), route, scope: contact });
    expect(kept).toMatchObject({ text: `Dear O’Neil, ${"x".repeat(60)}`, encoding: "ucs2", units: 73, segments: 2, cost: 0.0666 });
    expect(kept.ucs2Characters).toEqual([{ char: "’", codePoint: "U+2019", offsets: [6] }]);

    const replaced = renderSms({ template: template(body, { characterPolicy: "replace" }), route, scope: contact });
    expect(replaced).toMatchObject({ text: `Dear O'Neil, ${"x".repeat(60)}`, encoding: "gsm7", segments: 1, cost: 0.0333 });
    expect(replaced.replaced).toEqual([{ char: "’", codePoint: "U+2019", count: 1, replacement: "'" }]);
  });

  it("applies the lookalike policy to the footer too, so a footer’s apostrophe cannot make every message UCS-2", () => {
    const sms = renderSms({
      template: template("Sale on", { optOutFooter: "Don’t want these? Reply STOP", characterPolicy: "replace" }),
      route: null,
      scope: {},
    });
    expect(sms).toMatchObject({ text: "Sale on\nDon't want these? Reply STOP", encoding: "gsm7", cost: null });
  });

  it("strips what the route cannot carry, last, and reports it", () => {
    const body = "Hi {{ contact.first_name }} 😀 €5 off {today}";
    const gsm7 = renderSms({ template: template(body), route: { charset: "gsm7", pricePerSegment: 1 }, scope: contact });
    expect(gsm7).toMatchObject({ text: "Hi Chloé  €5 off {today}", encoding: "gsm7", units: 27 });
    expect(gsm7.removed).toEqual([{ char: "😀", codePoint: "U+1F600", count: 1 }]);

    const basic = renderSms({ template: template(body), route: { charset: "gsm7_basic", pricePerSegment: 1 }, scope: contact });
    expect(basic).toMatchObject({ text: "Hi Chloé  5 off today", units: 21 });
    expect(basic.removed.map((change) => change.char)).toEqual(["😀", "€", "{", "}"]);

    // On a UCS-2 route the emoji stays, and makes the message UCS-2.
    expect(renderSms({ template: template(body), route: { charset: "ucs2", pricePerSegment: 1 }, scope: contact })).toMatchObject({
      encoding: "ucs2",
      removed: [],
    });
  });

  it("counts long messages as carriers do, and costs nothing when empty", () => {
    const long = renderSms({ template: template("{% for i in (1..4) %}{{ contact.first_name }} is great. {% endfor %}".repeat(3)), route: { charset: "gsm7", pricePerSegment: 0.1 }, scope: contact });
    expect(long).toMatchObject({ encoding: "gsm7", units: 192, segments: 2, cost: 0.2 });
    expect(renderSms({ template: template(""), route: { charset: "ucs2", pricePerSegment: 0.1 }, scope: {} })).toMatchObject({
      text: "",
      segments: 0,
      cost: 0,
    });
  });

  it("throws liquidjs's own error for a broken template (callers turn it into a line and column)", () => {
    expect(() => renderSms({ template: template("Hi {{ contact.first_name"), route: null, scope: {} })).toThrow(/not closed/);
  });
});
