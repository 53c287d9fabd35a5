import { describe, expect, it } from "vitest";
import { firstColumn, looksLikeHeader, parseSuppressionEntry } from "./suppression-entry";

describe("parseSuppressionEntry", () => {
  it.each([
    ["  Jane.Doe@Example.COM ", "email", "jane.doe@example.com"],
    ["@Example.com", "domain", "example.com"],
    ["mail.example.co.uk.", "domain", "mail.example.co.uk"],
    ["@bücher.de", "domain", "xn--bcher-kva.de"],
    ["+852 9123 4567", "phone", "+85291234567"],
    ["+86 138 0013 8000", "phone", "+8613800138000"],
  ])("reads %j as %s %s", (raw, kind, value) => {
    expect(parseSuppressionEntry(raw)).toEqual({ ok: true, kind, value });
  });

  it("reads national numbers in the default country, and says what is missing without one", () => {
    expect(parseSuppressionEntry("9123 4567", "HK")).toEqual({ ok: true, kind: "phone", value: "+85291234567" });
    expect(parseSuppressionEntry("0912 345 678", "TW")).toEqual({ ok: true, kind: "phone", value: "+886912345678" });
    expect(parseSuppressionEntry("9123 4567")).toEqual({ ok: false, reason: expect.stringContaining("no country code") });
    expect(parseSuppressionEntry("1234", "HK")).toEqual({ ok: false, reason: '"1234" is not a valid phone number in HK' });
  });

  it("explains entries it cannot read", () => {
    expect(parseSuppressionEntry("jane@")).toEqual({ ok: false, reason: '"jane@" is not a valid email address' });
    expect(parseSuppressionEntry("@not a domain")).toEqual({ ok: false, reason: '"@not a domain" is not a valid domain' });
    expect(parseSuppressionEntry("hello world")).toEqual({ ok: false, reason: '"hello world" is not an email address, a domain or a phone number' });
    expect(parseSuppressionEntry("   ")).toEqual({ ok: false, reason: "Empty entry" });
  });
});

describe("CSV helpers", () => {
  it("takes the first column and recognises header rows", () => {
    expect(firstColumn('"a@b.com",hard bounce,2024-01-01')).toBe("a@b.com");
    expect(firstColumn("+85291234567;x")).toBe("+85291234567");
    expect(looksLikeHeader("Email address")).toBe(true);
    expect(looksLikeHeader("example.com")).toBe(false);
    expect(looksLikeHeader("+85291234567")).toBe(false);
  });
});
