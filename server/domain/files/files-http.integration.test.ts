import { mkdtempSync } from "node:fs";
import { readFile as readDiskFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedFiles } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { signInCookie } from "@/server/testing/auth-http";
import { addTestMember, createTestApiKey, createTestWorkspace, TEST_PASSWORD } from "@/server/testing/fixtures";
import { POST as upload } from "@/app/api/v1/files/route";
import { GET as serveImage } from "@/app/files/[fileId]/[filename]/route";

// This file runs the route handlers as a disk-backed deployment would. Nothing has read the
// environment yet (env() is read once, lazily), so setting HERALD_FILES_DIR here is in time.
const filesDir = mkdtempSync(path.join(os.tmpdir(), "herald-files-http-"));
process.env.HERALD_FILES_DIR = filesDir;

const BASE = "http://localhost:3999";
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

type UploadAnswer = {
  id?: string;
  filename?: string;
  contentType?: string;
  sizeBytes?: number;
  url?: string;
  error?: { code: string; message: string; fieldErrors?: Record<string, string[]> };
};

const form = (bytes: Buffer, filename: string, purpose: string, type = "application/octet-stream") => {
  const body = new FormData();
  body.set("file", new File([new Uint8Array(bytes)], filename, { type }));
  body.set("purpose", purpose);
  return body;
};

const post = async (body: BodyInit, headers: Record<string, string>, query = "") => {
  const response = await upload(
    // @ts-expect-error undici needs duplex for a streamed body
    new Request(`${BASE}/api/v1/files${query}`, { method: "POST", headers, body, duplex: "half" }),
  );
  return { status: response.status, json: (await response.json()) as UploadAnswer };
};

const get = (fileId: string, filename: string, headers: Record<string, string> = {}) =>
  serveImage(new Request(`${BASE}/files/${fileId}/${filename}`, { headers }), { params: Promise.resolve({ fileId, filename }) });

let workspaceId: string;
let writeKey: string;
let readKey: string;
let editorCookie: string;
let viewerCookie: string;

beforeAll(async () => {
  const { workspace, owner } = await createTestWorkspace("Files over HTTP");
  workspaceId = workspace.id;
  writeKey = (await createTestApiKey(workspaceId, owner.id, ["templates:write"])).secret;
  readKey = (await createTestApiKey(workspaceId, owner.id, ["templates:read", "contacts:write"])).secret;
  const { user: editor } = await addTestMember(workspaceId, "editor");
  editorCookie = await signInCookie(editor.email, TEST_PASSWORD);
  const { user: viewer } = await addTestMember(workspaceId, "viewer");
  viewerCookie = await signInCookie(viewer.email, TEST_PASSWORD);
});

afterAll(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

describe("POST /api/v1/files", () => {
  it("stores an image sent with an API key (templates:write) on disk and answers with its public url", async () => {
    const { status, json } = await post(form(PNG, "Logo.png", "image", "image/png"), { authorization: `Bearer ${writeKey}` });
    expect(status).toBe(201);
    expect(json).toEqual({
      id: expect.any(String),
      filename: "Logo.png",
      contentType: "image/png",
      sizeBytes: PNG.length,
      purpose: "image",
      url: `${BASE}/files/${json.id}/Logo.png`,
    });
    const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, json.id!));
    expect(row).toMatchObject({ workspaceId, data: null, storagePath: `${workspaceId}/${json.id}`, createdBy: null });
    expect((await readDiskFile(path.join(filesDir, workspaceId, json.id!))).equals(PNG)).toBe(true);
  });

  it("stores an attachment for an editor's session (workspace header), with no url", async () => {
    const { status, json } = await post(form(PDF, "Menu.pdf", "attachment", "application/pdf"), { cookie: editorCookie, "x-herald-workspace": workspaceId });
    expect(status).toBe(201);
    expect(json).toMatchObject({ filename: "Menu.pdf", contentType: "application/pdf", sizeBytes: PDF.length });
    expect(json).not.toHaveProperty("url");
  });

  it("refuses without credentials (401), a viewer and a key without templates:write (403)", async () => {
    expect((await post(form(PNG, "a.png", "image"), {})).status).toBe(401);
    expect(await post(form(PNG, "a.png", "image"), { cookie: viewerCookie, "x-herald-workspace": workspaceId })).toMatchObject({
      status: 403,
      json: { error: { message: "This needs the editor role or higher; you are a viewer" } },
    });
    expect(await post(form(PNG, "a.png", "image"), { authorization: `Bearer ${readKey}` })).toMatchObject({
      status: 403,
      json: { error: { message: 'This API key lacks the "templates:write" scope' } },
    });
  });

  it("refuses an oversized upload from its Content-Length (413), naming the limit", async () => {
    const { status, json } = await post(form(PNG, "a.png", "image"), { authorization: `Bearer ${writeKey}`, "content-length": String(6 * 1024 * 1024) }, "?purpose=image");
    expect(status).toBe(413);
    expect(json.error).toEqual({ code: "BAD_REQUEST", message: "The image is larger than 5 MB; images can be at most 5 MB", fieldErrors: { file: [expect.any(String)] } });
  });

  it("stops reading a body without Content-Length once it passes the limit", async () => {
    const chunk = new Uint8Array(256 * 1024);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const { status, json } = await post(endless, { authorization: `Bearer ${writeKey}`, "content-type": "multipart/form-data; boundary=x" }, "?purpose=attachment");
    expect(status).toBe(413);
    expect(json.error?.message).toBe("The file is larger than 10 MB; attachments can be at most 10 MB each");
    expect(sent).toBeLessThan(12 * 1024 * 1024);
  });

  it("refuses a file over the per-purpose limit once the form is read, and a program disguised as a PDF, keeping nothing", async () => {
    const before = await db.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.workspaceId, workspaceId));
    const bigImage = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect(await post(form(bigImage, "big.png", "image"), { authorization: `Bearer ${writeKey}` })).toMatchObject({
      status: 413,
      json: { error: { message: "The image is larger than 5 MB; images can be at most 5 MB" } },
    });
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]);
    expect(await post(form(exe, "invoice.pdf", "attachment", "application/pdf"), { authorization: `Bearer ${writeKey}` })).toMatchObject({
      status: 400,
      json: { error: { fieldErrors: { file: ["invoice.pdf is a Windows program; programs and scripts cannot be uploaded"] } } },
    });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await post(form(svg, "logo.svg", "image", "image/svg+xml"), { authorization: `Bearer ${writeKey}` })).json.error?.message).toMatch(
      /^SVG images are not accepted/,
    );
    expect(await post(form(PNG, "a.png", "banner"), { authorization: `Bearer ${writeKey}` })).toMatchObject({
      status: 400,
      json: { error: { fieldErrors: { purpose: ["purpose must be attachment or image"] } } },
    });
    expect(await db.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.workspaceId, workspaceId))).toEqual(before);
  });
});

describe("GET /files/<id>/<name>", () => {
  it("serves an image to anyone, streamed from disk, with long caching and safety headers; 304 for its ETag", async () => {
    const { json } = await post(form(PNG, "pixel.png", "image"), { authorization: `Bearer ${writeKey}` });
    const response = await get(json.id!, "pixel.png");
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
    const [row] = await db.select({ sha256: storedFiles.sha256 }).from(storedFiles).where(eq(storedFiles.id, json.id!));
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/png",
      "content-length": String(PNG.length),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
      etag: `"${row!.sha256}"`,
    });
    const cached = await get(json.id!, "pixel.png", { "if-none-match": `"${row!.sha256}"` });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
  });

  it("answers 404 for an attachment, an unknown id and something that is not an id", async () => {
    const { json } = await post(form(PDF, "private.pdf", "attachment"), { authorization: `Bearer ${writeKey}` });
    for (const [id, name] of [
      [json.id!, "private.pdf"],
      ["00000000-0000-4000-8000-000000000000", "x.png"],
      ["../../etc/passwd", "x.png"],
    ]) {
      const response = await get(id!, name!);
      expect(response.status, id).toBe(404);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await response.text()).toBe("Not found");
    }
  });
});
