import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contactImports } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { signInCookie } from "@/server/testing/auth-http";
import { addTestMember, callerFor, createTestApiKey, createTestWorkspace, TEST_PASSWORD, type TestUser } from "@/server/testing/fixtures";
import { startAndRunImport } from "@/server/testing/imports";
import { GET as downloadRejections } from "../[importId]/rejections/route";
import { POST } from "./route";

const BASE = "http://localhost:3999";

const upload = async (body: BodyInit | null, headers: Record<string, string>, filename = "people.csv") => {
  const response = await POST(
    new Request(`${BASE}/api/imports/upload?filename=${encodeURIComponent(filename)}`, {
      method: "POST",
      headers: { "content-type": "text/csv", ...headers },
      body,
      // @ts-expect-error undici needs this for a streamed body
      duplex: "half",
    }),
  );
  return { status: response.status, json: (await response.json()) as { import?: Record<string, unknown> & { id: string }; error?: { code: string; message: string } } };
};

let workspaceId: string;
let owner: TestUser;
let ownerCookie: string;
let viewerCookie: string;
let writeKey: string;
let readKey: string;

beforeAll(async () => {
  const created = await createTestWorkspace("Upload");
  workspaceId = created.workspace.id;
  owner = created.owner;
  ownerCookie = await signInCookie(owner.email, TEST_PASSWORD);
  const { user: viewer } = await addTestMember(workspaceId, "viewer");
  viewerCookie = await signInCookie(viewer.email, TEST_PASSWORD);
  writeKey = (await createTestApiKey(workspaceId, owner.id, ["contacts:write"])).secret;
  readKey = (await createTestApiKey(workspaceId, owner.id, ["contacts:read"])).secret;
});

describe("POST /api/imports/upload", () => {
  it("stores a streamed CSV (session + workspace header) and answers with its columns, sample rows and a suggested mapping", async () => {
    // A body that arrives in pieces, as a browser's upload does.
    const pieces = ["E-mail;Mobile;First name\r\n", "ann@example.com;+852 9123 4567;Ann\r\n", "bob@example.com;;Bob\r\n"];
    const size = Buffer.byteLength(pieces.join(""));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const piece = pieces.shift();
        if (piece === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(piece));
      },
    });
    const { status, json } = await upload(stream, { cookie: ownerCookie, "x-herald-workspace": workspaceId });
    expect(status).toBe(201);
    expect(json.import).toMatchObject({
      filename: "people.csv",
      phase: "mapping",
      status: "pending",
      encoding: "utf-8",
      delimiter: ";",
      columns: ["E-mail", "Mobile", "First name"],
      preview: { rows: [["ann@example.com", "+852 9123 4567", "Ann"], ["bob@example.com", "", "Bob"]] },
      mapping: {
        columns: [
          { kind: "field", field: "email" },
          { kind: "field", field: "phone" },
          { kind: "field", field: "first_name" },
        ],
      },
    });
    const [row] = await db.select().from(contactImports).where(eq(contactImports.id, json.import!.id));
    expect(row).toMatchObject({ workspaceId, createdBy: owner.id, sizeBytes: size });
  });

  it("accepts an API key with contacts:write", async () => {
    const { status, json } = await upload("email\nkey@example.com\n", { authorization: `Bearer ${writeKey}` });
    expect(status).toBe(201);
    expect(json.import).toMatchObject({ columns: ["email"], phase: "mapping" });
  });

  it("refuses without credentials (401), viewers and read-only keys (403)", async () => {
    expect((await upload("email\na@example.com\n", {})).status).toBe(401);
    const viewer = await upload("email\na@example.com\n", { cookie: viewerCookie, "x-herald-workspace": workspaceId });
    expect(viewer).toMatchObject({ status: 403, json: { error: { message: "This needs the editor role or higher; you are a viewer" } } });
    const readOnly = await upload("email\na@example.com\n", { authorization: `Bearer ${readKey}` });
    expect(readOnly).toMatchObject({ status: 403, json: { error: { message: 'This API key lacks the "contacts:write" scope' } } });
    const other = await createTestWorkspace("Other");
    const outsider = await upload("email\na@example.com\n", { cookie: ownerCookie, "x-herald-workspace": other.workspace.id });
    expect(outsider.status).toBe(403);
  });

  it("answers 422 for an empty file and a header without rows, 413 past the limit, 415 for multipart; nothing is kept", async () => {
    const before = await db.select().from(contactImports).where(eq(contactImports.workspaceId, workspaceId));
    const auth = { authorization: `Bearer ${writeKey}` };
    expect(await upload("", auth)).toMatchObject({ status: 422, json: { error: { code: "UNPROCESSABLE_CONTENT", message: "The file is empty" } } });
    expect(await upload("email,name\n", auth)).toMatchObject({
      status: 422,
      json: { error: { message: "The file has a header row but no data rows" } },
    });
    expect(await upload("email\na@example.com\n", { ...auth, "content-length": String(3 * 1024 ** 3) })).toMatchObject({
      status: 413,
      json: { error: { code: "PAYLOAD_TOO_LARGE" } },
    });
    expect(await upload("--x\r\n", { ...auth, "content-type": "multipart/form-data; boundary=x" })).toMatchObject({ status: 415 });
    expect(await db.select().from(contactImports).where(eq(contactImports.workspaceId, workspaceId))).toHaveLength(before.length);
  });
});

describe("GET /api/imports/<id>/rejections", () => {
  it("downloads the rejected rows as CSV (line, reason, raw) for members of the workspace only", async () => {
    const csv = 'email,name\nok@example.com,Ok\nnot-an-email,"Bad, Row"\nok@example.com,Again\n';
    const { json } = await upload(csv, { authorization: `Bearer ${writeKey}` });
    const importId = json.import!.id;
    const caller = callerFor(owner, workspaceId);
    await caller.imports.configure({ importId, columns: [{ kind: "field", field: "email" }, { kind: "ignore" }], policy: "add_only" });
    await startAndRunImport(caller, importId);

    const get = (headers: Record<string, string>, query = "") =>
      downloadRejections(new Request(`${BASE}/api/imports/${importId}/rejections${query}`, { headers }), { params: Promise.resolve({ importId }) });
    const response = await get({ cookie: viewerCookie }, `?workspace=${workspaceId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="people-rejected-rows.csv"');
    const text = (await response.text()).replace(/^\uFEFF/, "");
    expect(text).toBe(
      'line,reason,raw\r\n3,"invalid email: ""not-an-email""","not-an-email,""Bad, Row"""\r\n4,duplicate in file: email ok@example.com is also on line 2,"ok@example.com,Again"\r\n',
    );

    const other = await createTestWorkspace("Someone else");
    const otherKey = (await createTestApiKey(other.workspace.id, other.owner.id, ["contacts:read"])).secret;
    expect((await get({ authorization: `Bearer ${otherKey}` })).status).toBe(404);
    expect((await get({})).status).toBe(401);
  });
});
