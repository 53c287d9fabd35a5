import { extensionOf, type FilePurpose } from "./file-rules";

/**
 * What may be uploaded, decided from the bytes as well as the name: a browser's declared type and a
 * file's extension are whatever the sender says, so a program renamed to .pdf must still be refused.
 */
type Signature = (bytes: Buffer) => boolean;

const startsWith = (bytes: Buffer, ...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
const startsWithText = (bytes: Buffer, text: string) => bytes.subarray(0, text.length).toString("latin1") === text;

const PNG: Signature = (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG: Signature = (b) => startsWith(b, 0xff, 0xd8, 0xff);
const GIF: Signature = (b) => startsWithText(b, "GIF87a") || startsWithText(b, "GIF89a");
const WEBP: Signature = (b) => startsWithText(b, "RIFF") && b.subarray(8, 12).toString("latin1") === "WEBP";
const PDF: Signature = (b) => startsWithText(b, "%PDF-");
// Office Open XML, OpenDocument and plain zip archives are all zip files.
const ZIP: Signature = (b) => startsWith(b, 0x50, 0x4b, 0x03, 0x04);
// Word 97-2003, Excel 97-2003 and PowerPoint 97-2003 are OLE compound files.
const OLE: Signature = (b) => startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const RTF: Signature = (b) => startsWithText(b, "{\\rtf");

/** Text without NUL bytes; an optional BOM and blank lines before `marker` (for calendars and cards). */
const text =
  (marker?: string): Signature =>
  (b) => {
    if (b.includes(0)) return false;
    if (!marker) return true;
    return b.subarray(0, 256).toString("utf8").replace(/^\ufeff/, "").trimStart().toUpperCase().startsWith(marker);
  };

/** `textual` names what the contents should be when they are not, for the refusal. */
type FileKind = { contentType: string; signature: Signature; textual?: string };

const IMAGE_KINDS = {
  png: { contentType: "image/png", signature: PNG },
  jpeg: { contentType: "image/jpeg", signature: JPEG },
  gif: { contentType: "image/gif", signature: GIF },
  webp: { contentType: "image/webp", signature: WEBP },
} satisfies Record<string, FileKind>;

const ATTACHMENT_KINDS: Record<string, FileKind> = {
  pdf: { contentType: "application/pdf", signature: PDF },
  png: IMAGE_KINDS.png,
  jpg: IMAGE_KINDS.jpeg,
  jpeg: IMAGE_KINDS.jpeg,
  gif: IMAGE_KINDS.gif,
  webp: IMAGE_KINDS.webp,
  txt: { contentType: "text/plain", signature: text(), textual: "text" },
  csv: { contentType: "text/csv", signature: text(), textual: "text" },
  ics: { contentType: "text/calendar", signature: text("BEGIN:VCALENDAR"), textual: "a calendar starting BEGIN:VCALENDAR" },
  vcf: { contentType: "text/vcard", signature: text("BEGIN:VCARD"), textual: "a contact card starting BEGIN:VCARD" },
  rtf: { contentType: "application/rtf", signature: RTF },
  doc: { contentType: "application/msword", signature: OLE },
  xls: { contentType: "application/vnd.ms-excel", signature: OLE },
  ppt: { contentType: "application/vnd.ms-powerpoint", signature: OLE },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", signature: ZIP },
  xlsx: { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", signature: ZIP },
  pptx: { contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", signature: ZIP },
  odt: { contentType: "application/vnd.oasis.opendocument.text", signature: ZIP },
  ods: { contentType: "application/vnd.oasis.opendocument.spreadsheet", signature: ZIP },
  odp: { contentType: "application/vnd.oasis.opendocument.presentation", signature: ZIP },
  zip: { contentType: "application/zip", signature: ZIP },
};

export const ATTACHMENT_EXTENSIONS = Object.keys(ATTACHMENT_KINDS);

/** Programs and scripts, named so the refusal can say why rather than only "not allowed". */
const EXECUTABLE_EXTENSIONS = new Set(
  "exe com scr pif bat cmd msi msp msc dll cpl sys drv ocx vbs vbe js jse mjs cjs wsf wsh hta ps1 psm1 psd1 sh bash zsh csh ksh command app dmg pkg deb rpm apk jar class py pyc pl rb php lnk reg inf scf url appimage bin run elf out".split(
    " ",
  ),
);

/** Windows (MZ), Linux (ELF), macOS (Mach-O, fat binaries; Java classes share CAFEBABE) and scripts (#!). */
const executableKind = (b: Buffer): string | null => {
  if (startsWithText(b, "MZ")) return "a Windows program";
  if (startsWith(b, 0x7f, 0x45, 0x4c, 0x46)) return "a Linux program";
  const magic = b.length >= 4 ? b.readUInt32BE(0) : 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic)) return "a macOS program";
  if (magic === 0xcafebabe) return "a macOS or Java program";
  if (startsWithText(b, "#!")) return "a script";
  return null;
};

const looksLikeSvg = (b: Buffer) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/i.test(b.subarray(0, 1024).toString("utf8").replace(/^\ufeff/, ""));

const SVG_REASON = "SVG images are not accepted: they can carry scripts. Export the image as PNG or JPEG instead";

const isUtf8 = (b: Buffer) => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

export type FileTypeCheck = { ok: true; contentType: string; extension: string } | { ok: false; reason: string };

/**
 * Images must be PNG, JPEG, GIF or WebP by their bytes (the name may be wrong; the stored type is what
 * the bytes are). Attachments must have an allowed extension and bytes that match it. Programs and
 * scripts are refused by name and by content, whatever they are called.
 */
export const checkFileType = ({
  purpose,
  filename,
  declaredType,
  bytes,
}: {
  purpose: FilePurpose;
  filename: string;
  declaredType?: string | null;
  bytes: Buffer;
}): FileTypeCheck => {
  const extension = extensionOf(filename);
  const program = executableKind(bytes);
  if (program) return { ok: false, reason: `${filename || "The file"} is ${program}; programs and scripts cannot be uploaded` };
  if (EXECUTABLE_EXTENSIONS.has(extension)) {
    return { ok: false, reason: `.${extension} files are programs or scripts and cannot be uploaded` };
  }
  // SVG markup inside a .txt attachment is only text; as an image it would be rendered, scripts and all.
  if (extension === "svg" || extension === "svgz" || /svg/i.test(declaredType ?? "") || (purpose === "image" && looksLikeSvg(bytes))) {
    return { ok: false, reason: SVG_REASON };
  }

  if (purpose === "image") {
    for (const [name, kind] of Object.entries(IMAGE_KINDS)) {
      if (kind.signature(bytes)) return { ok: true, contentType: kind.contentType, extension: name === "jpeg" ? "jpg" : name };
    }
    return { ok: false, reason: "Images must be PNG, JPEG, GIF or WebP; this file is not one of them" };
  }

  if (!extension) {
    return { ok: false, reason: "The file name needs its extension (such as report.pdf) so recipients can open it" };
  }
  const kind = ATTACHMENT_KINDS[extension];
  if (!kind) {
    return { ok: false, reason: `.${extension} files cannot be attached. Allowed: ${ATTACHMENT_EXTENSIONS.join(", ")}` };
  }
  if (!kind.signature(bytes)) {
    return {
      ok: false,
      reason: kind.textual
        ? `${filename} is not really a .${extension} file: its contents are not ${kind.textual}`
        : `${filename} is not really a .${extension} file: its contents do not match the extension`,
    };
  }
  const contentType = kind.textual && isUtf8(bytes) ? `${kind.contentType}; charset=utf-8` : kind.contentType;
  return { ok: true, contentType, extension };
};
