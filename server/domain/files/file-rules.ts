import { z } from "zod";
import { env } from "@/server/env";

export const FILE_PURPOSES = ["attachment", "image"] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];
export const ZFilePurpose = z.enum(FILE_PURPOSES, { message: `purpose must be one of ${FILE_PURPOSES.join(", ")}` });

export const ZFileId = z.uuid({ message: "fileId must be a file id" });
export const ZTemplateId = z.uuid({ message: "templateId must be a template id" });

export type FileLimits = {
  attachmentMaxBytes: number;
  messageAttachmentsMaxBytes: number;
  imageMaxBytes: number;
};

/** The configured limits; tests and callers pass their own to try other sizes without a new process. */
export const fileLimits = (): FileLimits => {
  const { ATTACHMENT_MAX_BYTES, MESSAGE_ATTACHMENTS_MAX_BYTES, IMAGE_MAX_BYTES } = env();
  return { attachmentMaxBytes: ATTACHMENT_MAX_BYTES, messageAttachmentsMaxBytes: MESSAGE_ATTACHMENTS_MAX_BYTES, imageMaxBytes: IMAGE_MAX_BYTES };
};

export const maxBytesFor = (purpose: FilePurpose, limits: FileLimits) =>
  purpose === "image" ? limits.imageMaxBytes : limits.attachmentMaxBytes;

/** Sizes as people read them in limits: "10 MB", "2.5 MB", "512 KB" (binary units, as the defaults are). */
export const formatMegabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

export const tooLargeMessage = (purpose: FilePurpose, limits: FileLimits) =>
  purpose === "image"
    ? `The image is larger than ${formatMegabytes(limits.imageMaxBytes)}; images can be at most ${formatMegabytes(limits.imageMaxBytes)}`
    : `The file is larger than ${formatMegabytes(limits.attachmentMaxBytes)}; attachments can be at most ${formatMegabytes(limits.attachmentMaxBytes)} each`;

/** Where mail clients fetch an image: anonymous, by its unguessable id; the name is for people. */
export const publicImageUrl = (fileId: string, filename: string, appUrl = env().APP_URL) =>
  `${appUrl.replace(/\/+$/, "")}/files/${fileId}/${encodeURIComponent(filename)}`;

const MAX_FILENAME_CHARS = 200;
// Control characters, and the invisible direction marks that can make "invoice‮fdp.exe" read as "invoice.exe.pdf".
const INVISIBLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
// Not allowed in names on Windows, where many recipients save attachments.
const RESERVED = /[<>:"|?*]/g;

/**
 * A name that is safe to store, show and put in a Content-Disposition header: no folders, no control
 * or direction characters, no leading dots (hidden files), Unicode kept, at most 200 characters with
 * the extension kept when it has to be cut. Empty when nothing usable is left.
 */
export const sanitizeFilename = (raw: string) => {
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(INVISIBLE, "")
    .replace(RESERVED, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_FILENAME_CHARS) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  const keep = extension.length > 0 && extension.length <= 16 ? extension : [];
  return chars.slice(0, MAX_FILENAME_CHARS - keep.length).join("").trimEnd() + keep.join("");
};

/** The extension, lower-case and without the dot ("" when there is none). */
export const extensionOf = (filename: string) => {
  const dot = filename.lastIndexOf(".");
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : "";
};
