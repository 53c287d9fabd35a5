import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizePhone } from "./normalize";

describe("normalizeEmail", () => {
  it("lower-cases and trims valid addresses", () => {
    expect(normalizeEmail("  Ana.Lima+news@Example.COM ")).toBe("ana.lima+news@example.com");
  });
  it.each(["", "ana", "ana@", "@example.com", "ana@example", "a b@example.com", "ana..x@example.com", "ana@-x.com"])(
    "rejects %j",
    (raw) => expect(normalizeEmail(raw)).toBeNull(),
  );
});

describe("normalizePhone", () => {
  it("keeps the country of international numbers", () => {
    expect(normalizePhone("+852 9123 4567")).toEqual({ e164: "+85291234567", country: "HK" });
    expect(normalizePhone("+853 6612 3456")).toEqual({ e164: "+85366123456", country: "MO" });
    expect(normalizePhone("+886 912 345 678")).toEqual({ e164: "+886912345678", country: "TW" });
    expect(normalizePhone("+86 138 0013 8000")).toEqual({ e164: "+8613800138000", country: "CN" });
  });
  it("reads national numbers in the default country", () => {
    expect(normalizePhone("9123 4567", "HK")).toEqual({ e164: "+85291234567", country: "HK" });
  });
  it("rejects invalid numbers", () => {
    expect(normalizePhone("12345")).toBeNull();
    expect(normalizePhone("not a phone")).toBeNull();
    expect(normalizePhone("+852 1234")).toBeNull();
  });
});
