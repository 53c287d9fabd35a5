import examples from "libphonenumber-js/examples.mobile.json";
import { getCountries, getCountryCallingCode, type CountryCode } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { normalizePhone } from "@/server/domain/contacts/normalize";
import { normalizeE164Fast, normalizePhoneFast } from "./fast-normalize-phone";

// A small deterministic generator, so a failure names numbers that fail again on the next run.
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

/** Numbers from every country: its example mobile number, mutations of it, and random digit strings. */
const sample = () => {
  const next = random(42);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join("");
  const numbers: string[] = [];
  const table = examples as Record<string, string>;
  for (const country of getCountries()) {
    const code = getCountryCallingCode(country as CountryCode);
    const example = table[country];
    if (example) {
      numbers.push(`+${code}${example}`);
      for (let i = 0; i < 40; i++) {
        const keep = Math.floor(next() * example.length);
        numbers.push(`+${code}${example.slice(0, keep)}${digits(example.length - keep + Math.floor(next() * 3) - 1)}`);
      }
    }
    for (let i = 0; i < 40; i++) numbers.push(`+${code}${digits(3 + Math.floor(next() * 12))}`);
  }
  for (let i = 0; i < 2000; i++) numbers.push(`+${digits(2 + Math.floor(next() * 16))}`);
  return numbers;
};

describe("normalizePhoneFast", () => {
  it("gives exactly normalizePhone's answer for numbers from every calling code", () => {
    const numbers = sample();
    let fast = 0;
    const differences: string[] = [];
    for (const number of numbers) {
      if (normalizeE164Fast(number) !== undefined) fast++;
      const expected = normalizePhone(number);
      const actual = normalizePhoneFast(number);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        differences.push(`${number}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
      }
    }
    expect(differences.slice(0, 20)).toEqual([]);
    // The point of the module: most E.164 input never reaches libphonenumber-js.
    expect(fast / numbers.length).toBeGreaterThan(0.8);
  });

  it("answers the Greater China numbers imports are full of without libphonenumber-js", () => {
    expect(normalizeE164Fast("+85291234567")).toEqual({ e164: "+85291234567", country: "HK" });
    expect(normalizeE164Fast("+85366123456")).toEqual({ e164: "+85366123456", country: "MO" });
    expect(normalizeE164Fast("+886912345678")).toEqual({ e164: "+886912345678", country: "TW" });
    expect(normalizeE164Fast("+8613800138000")).toEqual({ e164: "+8613800138000", country: "CN" });
    expect(normalizeE164Fast("+85212345678")).toBeNull();
    expect(normalizeE164Fast("+14155552671")?.country).toBe("US");
  });

  it("leaves formatted and national input to normalizePhone", () => {
    expect(normalizeE164Fast("+852 9123 4567")).toBeUndefined();
    expect(normalizeE164Fast("91234567")).toBeUndefined();
    expect(normalizePhoneFast(" 9123 4567 ", "HK")).toEqual({ e164: "+85291234567", country: "HK" });
    expect(normalizePhoneFast("   ")).toBeNull();
  });
});
