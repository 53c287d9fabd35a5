import { access, mkdtemp, readdir, readFile as readDiskFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailTemplates, storedFiles, templateAttachments } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { callerFor, createTestWorkspace, type TestUser } from "@/server/testing/fixtures";
import { attachFileToTemplate } from "./attach-file-to-template";
import { deleteFile } from "./delete-file";
import { detachFileFromTemplate } from "./detach-file-from-template";
import type { FileLimits } from "./file-rules";
import { listFiles } from "./list-files";
import { listTemplateAttachments } from "./list-template-attachments";
import { loadTemplateAttachments } from "./load-template-attachments";
import { readFile } from "./read-file";
import { storeFile } from "./store-file";

// A real 1x1 PNG and a minimal PDF, small enough to write inline.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const pdf = (size = 0) => Buffer.concat([Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\n"), Buffer.alloc(size, 0x20), Buffer.from("\ntrailer<<>>\n%%EOF\n")]);
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(126, 0x90), Buffer.from("PE\0\0")]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>');

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

const newTemplate = async (workspaceId: string, name = "Welcome") => {
  // Template CRUD is another module's; a plain row is all attachments need.
  const [row] = await db.insert(emailTemplates).values({ workspaceId, name, editor: "code", sourceFormat: "html" }).returning();
  return row!.id;
};

let filesDir: string;
let a: { id: string; owner: TestUser };
let b: { id: string; owner: TestUser };

beforeAll(async () => {
  filesDir = await mkdtemp(path.join(os.tmpdir(), "herald-files-"));
  const one = await createTestWorkspace("Files A");
  const two = await createTestWorkspace("Files B");
  a = { id: one.workspace.id, owner: one.owner };
  b = { id: two.workspace.id, owner: two.owner };
});

afterAll(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

describe("storing and reading back", () => {
  it("keeps the bytes in Postgres by default, with their sha256, and reads them back", async () => {
    const stored = await storeFile({ workspaceId: a.id, purpose: "attachment", filename: "Terms.pdf", bytes: pdf(), createdBy: a.owner.id });
    expect(stored).toMatchObject({ filename: "Terms.pdf", contentType: "application/pdf", sizeBytes: pdf().length, purpose: "attachment", url: null });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, stored.id));
    expect(row).toMatchObject({ workspaceId: a.id, storagePath: null, createdBy: a.owner.id });
    expect(row!.data!.equals(pdf())).toBe(true);

    const opened = await readFile({ workspaceId: a.id, fileId: stored.id });
    expect((await buffer(opened.body)).equals(pdf())).toBe(true);
    expect(opened.file).toEqual(stored);
  });

  it("with a files folder, writes the bytes to <folder>/<workspace>/<id> (no temp file left) and streams them back", async () => {
    const stored = await storeFile({ workspaceId: a.id, purpose: "image", filename: "logo.png", bytes: PNG, filesDir });
    expect(stored).toMatchObject({ contentType: "image/png", url: `http://localhost:3999/files/${stored.id}/logo.png` });
    const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, stored.id));
    expect(row).toMatchObject({ data: null, storagePath: `${a.id}/${stored.id}` });
    expect((await readDiskFile(path.join(filesDir, a.id, stored.id))).equals(PNG)).toBe(true);
    expect((await readdir(path.join(filesDir, a.id))).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    const opened = await readFile({ workspaceId: a.id, fileId: stored.id, filesDir });
    expect((await buffer(opened.body)).equals(PNG)).toBe(true);
    // A process without the folder configured says so instead of answering with nothing.
    expect((await refusal(readFile({ workspaceId: a.id, fileId: stored.id, filesDir: null }))).message).toMatch(/HERALD_FILES_DIR is not set/);
  });

  it("cleans the name (folders, control characters) and keeps Unicode", async () => {
    const stored = await storeFile({ workspaceId: a.id, purpose: "attachment", filename: "../../報告\u0007 2024.pdf", bytes: pdf() });
    expect(stored.filename).toBe("報告 2024.pdf");
  });

  it("lists metadata only, newest first, by purpose, a page at a time", async () => {
    const workspaceId = (await createTestWorkspace("Listing")).workspace.id;
    const one = await storeFile({ workspaceId, purpose: "attachment", filename: "one.pdf", bytes: pdf() });
    const two = await storeFile({ workspaceId, purpose: "attachment", filename: "two.pdf", bytes: pdf() });
    const image = await storeFile({ workspaceId, purpose: "image", filename: "pic.png", bytes: PNG });
    const first = await listFiles({ workspaceId, purpose: "attachment", limit: 1 });
    expect(first.items.map((f) => f.id)).toEqual([two.id]);
    expect(first.items[0]).not.toHaveProperty("data");
    const second = await listFiles({ workspaceId, purpose: "attachment", limit: 1, cursor: first.nextCursor });
    expect(second).toMatchObject({ items: [{ id: one.id }], nextCursor: null });
    expect((await listFiles({ workspaceId, purpose: "image" })).items).toEqual([image]);
  });
});

describe("refusals", () => {
  it("refuses a file over the limit with a message naming the limit in MB (defaults from the environment)", async () => {
    const tooBig = Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024)]);
    const error = await refusal(storeFile({ workspaceId: a.id, purpose: "attachment", filename: "big.pdf", bytes: tooBig }));
    expect(error.fieldErrors).toEqual({ file: ["The file is larger than 10 MB; attachments can be at most 10 MB each"] });
    const image = await refusal(storeFile({ workspaceId: a.id, purpose: "image", filename: "big.png", bytes: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]) }));
    expect(image.message).toBe("The image is larger than 5 MB; images can be at most 5 MB");
  });

  it("refuses a Windows program named .pdf, by its content", async () => {
    const error = await refusal(storeFile({ workspaceId: a.id, purpose: "attachment", filename: "invoice.pdf", bytes: EXE, declaredType: "application/pdf" }));
    expect(error).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { file: ["invoice.pdf is a Windows program; programs and scripts cannot be uploaded"] } });
  });

  it("refuses an SVG image, saying it can carry scripts", async () => {
    const error = await refusal(storeFile({ workspaceId: a.id, purpose: "image", filename: "logo.svg", bytes: SVG, declaredType: "image/svg+xml" }));
    expect(error.fieldErrors?.file?.[0]).toMatch(/^SVG images are not accepted: they can carry scripts/);
    // Renamed, it is still SVG by its content.
    expect((await refusal(storeFile({ workspaceId: a.id, purpose: "image", filename: "logo.png", bytes: SVG }))).message).toMatch(/^SVG images/);
  });

  it("keeps nothing from a refused upload, in the database or on disk", async () => {
    const workspaceId = (await createTestWorkspace("Nothing kept")).workspace.id;
    await refusal(storeFile({ workspaceId, purpose: "attachment", filename: "x.pdf", bytes: EXE, filesDir }));
    expect(await db.select().from(storedFiles).where(eq(storedFiles.workspaceId, workspaceId))).toEqual([]);
    await expect(access(path.join(filesDir, workspaceId))).rejects.toThrow();
  });
});

describe("template attachments", () => {
  const limits: FileLimits = { attachmentMaxBytes: 10 * 1024 * 1024, messageAttachmentsMaxBytes: 18 * 1024 * 1024, imageMaxBytes: 5 * 1024 * 1024 };

  it("attaches up to the per-message total and refuses the one that would pass it, naming the limit", async () => {
    const templateId = await newTemplate(a.id);
    const eight = pdf(8 * 1024 * 1024);
    const first = await storeFile({ workspaceId: a.id, purpose: "attachment", filename: "first.pdf", bytes: eight });
    const second = await storeFile({ workspaceId: a.id, purpose: "attachment", filename: "second.pdf", bytes: eight, filesDir });
    const third = await storeFile({ workspaceId: a.id, purpose: "attachment", filename: "third.pdf", bytes: pdf(3 * 1024 * 1024) });
    await attachFileToTemplate({ workspaceId: a.id, templateId, fileId: first.id, limits });
    const two = await attachFileToTemplate({ workspaceId: a.id, templateId, fileId: second.id, limits });
    expect(two).toMatchObject({ items: [{ id: first.id }, { id: second.id }], totalBytes: 2 * eight.length, limitBytes: 18 * 1024 * 1024 });
    // Attaching again changes nothing.
    expect((await attachFileToTemplate({ workspaceId: a.id, templateId, fileId: first.id, limits })).items).toHaveLength(2);

    const error = await refusal(attachFileToTemplate({ workspaceId: a.id, templateId, fileId: third.id, limits }));
    expect(error.fieldErrors).toEqual({
      fileId: ["Attachments on one message can add up to at most 18 MB: this template already has 16 MB and third.pdf is 3 MB"],
    });
    expect((await listTemplateAttachments({ workspaceId: a.id, templateId })).items.map((f) => f.id)).toEqual([first.id, second.id]);

    // The send path gets every attachment's bytes, from Postgres and from disk alike.
    const loaded = await loadTemplateAttachments({ workspaceId: a.id, templateId, filesDir });
    expect(loaded.map(({ filename, contentType, content }) => ({ filename, contentType, equal: content.equals(eight) }))).toEqual([
      { filename: "first.pdf", contentType: "application/pdf", equal: true },
      { filename: "second.pdf", contentType: "application/pdf", equal: true },
    ]);

    // Detaching makes room; the file itself stays.
    await detachFileFromTemplate({ workspaceId: a.id, templateId, fileId: second.id });
    expect((await attachFileToTemplate({ workspaceId: a.id, templateId, fileId: third.id, limits })).items.map((f) => f.id)).toEqual([first.id, third.id]);
    expect((await readFile({ workspaceId: a.id, fileId: second.id, filesDir })).file.id).toBe(second.id);
  });

  it("an attach waits for another change to the same template's attachments, then counts it", async () => {
    const templateId = await newTemplate(a.id);
    const big = { ...limits, attachmentMaxBytes: 13 * 1024 * 1024 };
    const one = await storeFile({ workspaceId: a.id, purpose: "attachment", filename: "one.pdf", bytes: pdf(12 * 1024 * 1024), limits: big });
    const two = await storeFile({ workspaceId: a.id, purpose: "attachment", filename: "two.pdf", bytes: pdf(12 * 1024 * 1024), limits: big });
    let attaching: Promise<unknown> | undefined;
    // Another attach in progress: it holds the template row while it adds `one`.
    await db.transaction(async (tx) => {
      await tx.select().from(emailTemplates).where(eq(emailTemplates.id, templateId)).for("update");
      attaching = attachFileToTemplate({ workspaceId: a.id, templateId, fileId: two.id, limits }).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await tx.insert(templateAttachments).values({ templateId, fileId: one.id, workspaceId: a.id });
    });
    expect(await attaching).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { fileId: [expect.stringContaining("already has 12 MB")] } });
    expect((await listTemplateAttachments({ workspaceId: a.id, templateId })).items.map((f) => f.id)).toEqual([one.id]);
  });

  it("does not attach images (they go in designs by URL)", async () => {
    const templateId = await newTemplate(a.id);
    const image = await storeFile({ workspaceId: a.id, purpose: "image", filename: "pic.png", bytes: PNG });
    expect((await refusal(attachFileToTemplate({ workspaceId: a.id, templateId, fileId: image.id }))).fieldErrors?.fileId?.[0]).toMatch(
      /was uploaded as an image/,
    );
  });

  it("refuses to delete an attached file; once detached it goes, bytes on disk included", async () => {
    const templateId = await newTemplate(a.id);
    const file = await storeFile({ workspaceId: a.id, purpose: "attachment", filename: "menu.pdf", bytes: pdf(), filesDir });
    await attachFileToTemplate({ workspaceId: a.id, templateId, fileId: file.id });
    expect(await refusal(deleteFile({ workspaceId: a.id, fileId: file.id, filesDir }))).toMatchObject({
      code: "CONFLICT",
      message: "menu.pdf is attached to 1 template; remove it from them first",
    });
    await detachFileFromTemplate({ workspaceId: a.id, templateId, fileId: file.id });
    await deleteFile({ workspaceId: a.id, fileId: file.id, filesDir });
    expect(await db.select().from(storedFiles).where(eq(storedFiles.id, file.id))).toEqual([]);
    await expect(access(path.join(filesDir, a.id, file.id))).rejects.toThrow();
  });
});

describe("another workspace", () => {
  it("cannot read, list, attach, detach, load or delete A's files, nor use A's templates", async () => {
    const templateA = await newTemplate(a.id, "A's template");
    const templateB = await newTemplate(b.id, "B's template");
    const fileA = await storeFile({ workspaceId: a.id, purpose: "attachment", filename: "secret.pdf", bytes: pdf() });
    await attachFileToTemplate({ workspaceId: a.id, templateId: templateA, fileId: fileA.id });
    const fileB = await storeFile({ workspaceId: b.id, purpose: "attachment", filename: "mine.pdf", bytes: pdf() });

    const notFound = async (promise: Promise<unknown>) => expect((await refusal(promise)).code).toBe("NOT_FOUND");
    await notFound(readFile({ workspaceId: b.id, fileId: fileA.id }));
    await notFound(attachFileToTemplate({ workspaceId: b.id, templateId: templateB, fileId: fileA.id }));
    await notFound(attachFileToTemplate({ workspaceId: b.id, templateId: templateA, fileId: fileB.id }));
    await notFound(detachFileFromTemplate({ workspaceId: b.id, templateId: templateA, fileId: fileA.id }));
    await notFound(listTemplateAttachments({ workspaceId: b.id, templateId: templateA }));
    await notFound(loadTemplateAttachments({ workspaceId: b.id, templateId: templateA }));
    await notFound(deleteFile({ workspaceId: b.id, fileId: fileA.id }));
    expect((await listFiles({ workspaceId: b.id })).items.map((f) => f.id)).toEqual([fileB.id]);

    // Through tRPC too: B's owner, asking in B, with A's ids.
    const caller = callerFor(b.owner, b.id);
    await expect(caller.files.delete({ fileId: fileA.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.files.attachToTemplate({ templateId: templateB, fileId: fileA.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.files.templateAttachments({ templateId: templateA })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // And B's owner asking inside A is not a member.
    await expect(callerFor(b.owner, a.id).files.list()).rejects.toMatchObject({ code: "FORBIDDEN" });

    // A's file and attachment are untouched.
    expect((await listTemplateAttachments({ workspaceId: a.id, templateId: templateA })).items.map((f) => f.id)).toEqual([fileA.id]);
  });

  it("the tRPC router lists, attaches and detaches for A's owner", async () => {
    const templateId = await newTemplate(a.id);
    const file = await storeFile({ workspaceId: a.id, purpose: "attachment", filename: "guide.pdf", bytes: pdf() });
    const caller = callerFor(a.owner, a.id);
    expect((await caller.files.list({ purpose: "attachment", limit: 200 })).items.map((f) => f.id)).toContain(file.id);
    expect(await caller.files.attachToTemplate({ templateId, fileId: file.id })).toMatchObject({
      items: [{ id: file.id, filename: "guide.pdf" }],
      totalBytes: file.sizeBytes,
      limitBytes: 18 * 1024 * 1024,
      fileMaxBytes: 10 * 1024 * 1024,
    });
    expect((await caller.files.detachFromTemplate({ templateId, fileId: file.id })).items).toEqual([]);
    expect(await caller.files.delete({ fileId: file.id })).toEqual({ id: file.id });
  });
});
