import { describe, expect, it } from "vitest";
import { safeNextPath, withNext } from "./safe-next";

describe("safeNextPath", () => {
  it("keeps a same-site path with its query and hash", () => {
    expect(safeNextPath("/invitations/accept?token=abc#x")).toBe("/invitations/accept?token=abc#x");
  });

  it.each([
    ["https://evil.example/"],
    ["//evil.example/path"],
    ["/\\evil.example"],
    ["javascript:alert(1)"],
    ["contacts"],
    [""],
    [undefined],
    [["/contacts"]],
  ])("falls back for %j", (value) => {
    expect(safeNextPath(value, "/")).toBe("/");
  });
});

describe("withNext", () => {
  it("adds an encoded next only when it is a safe, non-root path", () => {
    expect(withNext("/sign-in", "/settings/members?tab=1")).toBe("/sign-in?next=%2Fsettings%2Fmembers%3Ftab%3D1");
    expect(withNext("/sign-in", "/")).toBe("/sign-in");
    expect(withNext("/sign-in", "//evil.example")).toBe("/sign-in");
    expect(withNext("/sign-in", null)).toBe("/sign-in");
  });
});
