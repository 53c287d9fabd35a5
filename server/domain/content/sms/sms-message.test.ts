import { describe, expect, it } from "vitest";
import { countLiquidMarkup, finishSmsText, joinFooter, smsCost, withoutLiquid } from "./sms-message";

describe("finishSmsText", () => {
  it("adds the footer, applies the lookalike policy to both, then strips for the route", () => {
    expect(finishSmsText("It’s on 😀 ", { optOutFooter: "Don’t want these? STOP", characterPolicy: "replace", charset: "gsm7" })).toEqual({
      text: "It's on \nDon't want these? STOP",
      replaced: [{ char: "’", codePoint: "U+2019", count: 2, replacement: "'" }],
      removed: [{ char: "😀", codePoint: "U+1F600", count: 1 }],
    });
    expect(finishSmsText("It’s on", { optOutFooter: "", characterPolicy: "keep", charset: "ucs2" })).toEqual({
      text: "It’s on",
      replaced: [],
      removed: [],
    });
  });
});

describe("joinFooter", () => {
  it("puts the footer on its own line, or stands alone when the body is empty", () => {
    expect(joinFooter("Sale\n\n", "STOP to end")).toBe("Sale\nSTOP to end");
    expect(joinFooter("", "STOP to end")).toBe("STOP to end");
    expect(joinFooter("Sale ", "  ")).toBe("Sale ");
  });
});

describe("withoutLiquid", () => {
  it("takes out merge tags and Liquid tags, multi-line ones too, and counts them", () => {
    const source = "Hi {{ contact.first_name }},{% if contact.plan %} VIP{% endif %} {{\n  workspace.name }} {text}";
    expect(withoutLiquid(source)).toBe("Hi , VIP  {text}");
    expect(countLiquidMarkup(source)).toBe(4);
    expect(countLiquidMarkup("plain")).toBe(0);
  });
});

describe("smsCost", () => {
  it("multiplies to four decimals without float noise", () => {
    expect(smsCost(3, 0.0333)).toBe(0.0999);
    expect(smsCost(0, 0.05)).toBe(0);
    expect(smsCost(7, 0.1)).toBe(0.7);
  });
});
