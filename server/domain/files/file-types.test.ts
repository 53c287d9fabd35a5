import { describe, expect, it } from "vitest";
import { sanitizeFilename } from "./file-rules";
import { checkFileType } from "./file-types";

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "\0\0\0\rIHDR");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], "\0\x10JFIF");
const PDF = bytes("%PDF-1.4\n%%EOF\n");
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04], "\x14\0\0\0");
const OLE = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "\0\0");
const EXE = bytes("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff");

const check = (purpose: "image" | "attachment", filename: string, content: Buffer, declaredType?: string) =>
  checkFileType({ purpose, filename, bytes: content, declaredType });

describe("checkFileType: images", () => {
  it("knows PNG, JPEG, GIF and WebP by their bytes, whatever the name says", () => {
    expect(check("image", "logo.png", PNG)).toEqual({ ok: true, contentType: "image/png", extension: "png" });
    expect(check("image", "photo.png", JPEG)).toMatchObject({ ok: true, contentType: "image/jpeg" });
    expect(check("image", "a.gif", bytes("GIF89a\x01\0"))).toMatchObject({ ok: true, contentType: "image/gif" });
    expect(check("image", "a.webp", bytes("RIFF\x10\0\0\0WEBPVP8 "))).toMatchObject({ ok: true, contentType: "image/webp" });
  });

  it("refuses SVG by name, by declared type and by content, saying why", () => {
    const svg = bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    for (const outcome of [check("image", "logo.svg", PNG), check("image", "logo", PNG, "image/svg+xml"), check("image", "logo.png", svg)]) {
      expect(outcome).toEqual({ ok: false, reason: expect.stringMatching(/^SVG images are not accepted: they can carry scripts/) });
    }
  });

  it("refuses anything that is not one of the four formats", () => {
    expect(check("image", "doc.png", PDF)).toEqual({ ok: false, reason: "Images must be PNG, JPEG, GIF or WebP; this file is not one of them" });
  });
});

describe("checkFileType: attachments", () => {
  it("accepts allowed types whose bytes match the extension", () => {
    expect(check("attachment", "terms.pdf", PDF)).toEqual({ ok: true, contentType: "application/pdf", extension: "pdf" });
    expect(check("attachment", "sheet.xlsx", ZIP)).toMatchObject({ ok: true, contentType: expect.stringContaining("spreadsheetml") });
    expect(check("attachment", "old.doc", OLE)).toMatchObject({ ok: true, contentType: "application/msword" });
    expect(check("attachment", "notes.txt", Buffer.from("héllo"))).toMatchObject({ ok: true, contentType: "text/plain; charset=utf-8" });
    expect(check("attachment", "event.ics", Buffer.from("\ufeffBEGIN:VCALENDAR\r\nEND:VCALENDAR"))).toMatchObject({ ok: true, contentType: expect.stringMatching(/^text\/calendar/) });
  });

  it("refuses programs by content whatever their name, and by extension", () => {
    expect(check("attachment", "invoice.pdf", EXE)).toEqual({ ok: false, reason: "invoice.pdf is a Windows program; programs and scripts cannot be uploaded" });
    expect(check("attachment", "run.txt", Buffer.from("#!/bin/sh\nrm -rf /\n"))).toMatchObject({ ok: false, reason: expect.stringContaining("is a script") });
    expect(check("attachment", "a.pdf", bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toMatchObject({ reason: expect.stringContaining("Linux program") });
    expect(check("attachment", "a.zip", bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0]))).toMatchObject({ reason: expect.stringContaining("macOS") });
    expect(check("attachment", "setup.exe", PDF)).toEqual({ ok: false, reason: ".exe files are programs or scripts and cannot be uploaded" });
    expect(check("attachment", "macro.js", Buffer.from("alert(1)"))).toMatchObject({ ok: false, reason: expect.stringContaining(".js files are programs") });
  });

  it("refuses contents that do not match the extension, unlisted types, and names without an extension", () => {
    expect(check("attachment", "report.pdf", ZIP)).toEqual({ ok: false, reason: "report.pdf is not really a .pdf file: its contents do not match the extension" });
    expect(check("attachment", "data.csv", PNG)).toMatchObject({ reason: "data.csv is not really a .csv file: its contents are not text" });
    expect(check("attachment", "page.html", Buffer.from("<p>hi</p>"))).toMatchObject({ ok: false, reason: expect.stringMatching(/^\.html files cannot be attached\. Allowed: pdf, /) });
    expect(check("attachment", "README", Buffer.from("hi"))).toMatchObject({ ok: false, reason: expect.stringContaining("needs its extension") });
  });
});

describe("sanitizeFilename", () => {
  it("drops folders, control and direction characters and leading dots; keeps Unicode", () => {
    expect(sanitizeFilename("C:\\Users\\ann\\..\\報告 2024.pdf")).toBe("報告 2024.pdf");
    expect(sanitizeFilename("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFilename("in\u0000voice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(sanitizeFilename("line\nbreak\t.txt")).toBe("linebreak.txt");
    expect(sanitizeFilename(".htaccess")).toBe("htaccess");
    expect(sanitizeFilename('what?"now".txt')).toBe("what__now_.txt");
    expect(sanitizeFilename("/")).toBe("");
  });

  it("cuts names to 200 characters, keeping the extension and whole characters", () => {
    const long = sanitizeFilename(`${"😀".repeat(300)}.docx`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith("😀.docx")).toBe(true);
  });
});
