import { describe, expect, it } from "vitest";
import { canonicalLocale, canonicalTimeZone, normalizeContactFields } from "./contact-fields";

describe("normalizeContactFields", () => {
  it("normalises what is present and leaves out what is not", () => {
    expect(
      normalizeContactFields({ email: " Ana@Example.COM ", phone: "9123 4567", defaultCountry: "hk", firstName: " Ana " }),
    ).toEqual({
      values: { email: "ana@example.com", phone: "+85291234567", phoneCountry: "HK", firstName: "Ana" },
      problems: {},
    });
    expect(normalizeContactFields({})).toEqual({ values: {}, problems: {} });
  });

  it("reads null and blank as clearing a field", () => {
    expect(normalizeContactFields({ email: "", phone: null, lastName: "  ", timezone: null, locale: "" }).values).toEqual({
      email: null,
      phone: null,
      phoneCountry: null,
      lastName: null,
      timezone: null,
      locale: null,
    });
  });

  it("names each field that is wrong, with a reason", () => {
    expect(normalizeContactFields({ email: "not-an-email", phone: "12345", defaultCountry: "HK" }).problems).toEqual({
      email: "Enter a valid email address, such as ana@example.com",
      phone: "Not a valid phone number for HK",
    });
    expect(normalizeContactFields({ phone: "91234567" }).problems.phone).toMatch(/start it with \+ and the country code/);
    expect(normalizeContactFields({ phone: "+852 123" }).problems.phone).toBe("Not a valid phone number");
    expect(normalizeContactFields({ phone: "91234567", defaultCountry: "XX" }).problems).toEqual({
      defaultCountry: "XX is not a country Herald can read phone numbers for",
    });
  });

  it("keeps the number's own country even when another default is given", () => {
    expect(normalizeContactFields({ phone: "+853 6612 3456", defaultCountry: "HK" }).values).toMatchObject({
      phone: "+85366123456",
      phoneCountry: "MO",
    });
  });

  it("checks time zones and locales", () => {
    expect(normalizeContactFields({ timezone: "Asia/Hong_Kong", locale: "zh-hant-hk" }).values).toEqual({
      timezone: "Asia/Hong_Kong",
      locale: "zh-Hant-HK",
    });
    expect(normalizeContactFields({ timezone: "Mars/Olympus", locale: "not a locale!" }).problems).toEqual({
      timezone: '"Mars/Olympus" is not an IANA time zone, such as Asia/Hong_Kong',
      locale: '"not a locale!" is not a language tag, such as en or zh-Hant-HK',
    });
  });
});

describe("canonical time zones and locales", () => {
  it("accepts IANA names and UTC, refuses offsets and nonsense", () => {
    expect(canonicalTimeZone("Europe/London")).toBe("Europe/London");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("+08:00")).toBeNull();
    expect(canonicalTimeZone("Nowhere/Special")).toBeNull();
    expect(canonicalLocale("EN-gb")).toBe("en-GB");
    expect(canonicalLocale("en_US")).toBeNull();
  });
});
