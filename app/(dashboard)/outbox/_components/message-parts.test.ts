import { describe, expect, it } from "vitest";
import { linkify, parseHeaders } from "./message-parts";

describe("parseHeaders", () => {
  it("reads the header block only and unfolds continuation lines", () => {
    const raw = "Subject: Hello\r\n there\r\nFrom: Herald <no-reply@herald.localhost>\r\nX-Empty:\r\n\r\nBody: not a header\r\n";
    expect(parseHeaders(raw)).toEqual([
      { name: "Subject", value: "Hello there" },
      { name: "From", value: "Herald <no-reply@herald.localhost>" },
      { name: "X-Empty", value: "" },
    ]);
  });

  it("treats a message without a body as all headers", () => {
    expect(parseHeaders("To: a@example.com\nSubject: x")).toEqual([
      { name: "To", value: "a@example.com" },
      { name: "Subject", value: "x" },
    ]);
  });
});

describe("linkify", () => {
  it("finds http(s) links and leaves trailing punctuation outside them", () => {
    expect(linkify("Open http://localhost:3000/reset?token=abc. Or not")).toEqual([
      { kind: "text", value: "Open " },
      { kind: "link", value: "http://localhost:3000/reset?token=abc" },
      { kind: "text", value: ". Or not" },
    ]);
  });

  it("ignores other schemes", () => {
    expect(linkify("javascript:alert(1) and ftp://x")).toEqual([{ kind: "text", value: "javascript:alert(1) and ftp://x" }]);
  });
});
