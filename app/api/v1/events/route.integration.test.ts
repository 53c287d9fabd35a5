import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { events } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { revokeApiKey } from "@/server/domain/api-keys/revoke-api-key";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { createTestApiKey, createTestWorkspace } from "@/server/testing/fixtures";
import { POST } from "./route";

const post = async (body: unknown, headers: Record<string, string> = {}) => {
  const response = await POST(
    new Request("http://localhost:3999/api/v1/events", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { message: string; fieldErrors?: Record<string, string[]> } } };
};

let workspaceId: string;
let ownerId: string;
let key: string;
let contactId: string;

beforeAll(async () => {
  const { workspace, owner } = await createTestWorkspace();
  workspaceId = workspace.id;
  ownerId = owner.id;
  key = (await createTestApiKey(workspace.id, owner.id, ["contacts:write"])).secret;
  contactId = (await insertTestContacts(workspace.id, [{ email: "http@example.test" }]))[0]!.id;
});

const eventCount = async () =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(events).where(eq(events.workspaceId, workspaceId)))[0]!.n;

describe("POST /api/v1/events", () => {
  it("stores a batch with a contacts:write key (200) and a single event object", async () => {
    const before = await eventCount();
    const batch = await post(
      { events: [{ contact: { id: contactId }, event: "a" }, { contact: { email: "HTTP@example.test" }, event: "b", properties: { n: 1 } }] },
      { authorization: `Bearer ${key}` },
    );
    expect(batch.status).toBe(200);
    expect(batch.json).toMatchObject({ accepted: 2, rejected: 0, results: [{ index: 0, status: "accepted", contactId }, { index: 1 }] });

    const single = await post({ contact: { email: "brand-new@example.test" }, event: "signed_up", createContact: true }, { authorization: `Bearer ${key}` });
    expect(single.status).toBe(200);
    expect(single.json).toMatchObject({ accepted: 1, contactsCreated: 1 });
    expect(await eventCount()).toBe(before + 3);
  });

  it("answers 207 when some events were stored, and 400 with per-field errors when none was", async () => {
    const mixed = await post({ events: [{ contact: { id: contactId }, event: "ok" }, { contact: { id: contactId }, event: "" }] }, { authorization: `Bearer ${key}` });
    expect(mixed.status).toBe(207);
    expect(mixed.json).toMatchObject({ accepted: 1, rejected: 1, results: [{ status: "accepted" }, { index: 1, status: "rejected", reason: "event must not be empty" }] });

    const none = await post({ events: [{ contact: { email: "nope" }, event: "x" }, { contact: { id: contactId } }] }, { authorization: `Bearer ${key}` });
    expect(none.status).toBe(400);
    expect(none.json.error).toMatchObject({
      message: "No event was stored: all 2 were rejected",
      fieldErrors: { "events.0.contact.email": ["contact.email is not a valid email address"], "events.1.event": ["event must be a string"] },
    });

    const single = await post({ contact: { id: contactId }, event: "x".repeat(300) }, { authorization: `Bearer ${key}` });
    expect(single.status).toBe(400);
    expect(single.json.error).toMatchObject({ message: "event must be at most 200 characters", fieldErrors: { event: ["event must be at most 200 characters"] } });

    expect((await post("{not json", { authorization: `Bearer ${key}` })).json.error?.message).toBe("The request body is not valid JSON");
    expect((await post({ events: "x" }, { authorization: `Bearer ${key}` })).status).toBe(400);
    expect((await post({ events: [] }, { authorization: `Bearer ${key}` })).status).toBe(400);
  });

  it("refuses missing, wrong-scope and revoked keys with clear messages", async () => {
    const none = await post({ events: [] });
    expect(none).toMatchObject({ status: 401, json: { error: { code: "UNAUTHORIZED", message: "Sign in or send an API key to continue" } } });

    const { secret: readOnly } = await createTestApiKey(workspaceId, ownerId, ["contacts:read"]);
    const wrongScope = await post({ contact: { id: contactId }, event: "x" }, { authorization: `Bearer ${readOnly}` });
    expect(wrongScope).toMatchObject({ status: 403, json: { error: { code: "FORBIDDEN", message: 'This API key lacks the "contacts:write" scope' } } });

    const { apiKey, secret } = await createTestApiKey(workspaceId, ownerId, ["contacts:write"]);
    expect((await post({ contact: { id: contactId }, event: "x" }, { authorization: `Bearer ${secret}` })).status).toBe(200);
    await revokeApiKey({ workspaceId, apiKeyId: apiKey.id });
    const revoked = await post({ contact: { id: contactId }, event: "x" }, { authorization: `Bearer ${secret}` });
    expect(revoked).toMatchObject({ status: 401, json: { error: { message: "The API key is not valid or has been revoked" } } });
  });

  it("answers 413 for more than 1,000 events or more than 5 MB, storing nothing", async () => {
    const before = await eventCount();
    const tooMany = await post({ events: Array.from({ length: 1001 }, () => ({ contact: { id: contactId }, event: "x" })) }, { authorization: `Bearer ${key}` });
    expect(tooMany.status).toBe(413);
    expect(tooMany.json.error?.message).toBe("Send at most 1,000 events per request (got 1,001)");

    const huge = JSON.stringify({ events: [{ contact: { id: contactId }, event: "x", properties: { blob: "x".repeat(5 * 1024 * 1024) } }] });
    expect((await post(huge, { authorization: `Bearer ${key}` })).status).toBe(413);
    // Without a Content-Length (a streamed body), the limit still holds.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 6; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024 * 1024)));
        controller.close();
      },
    });
    const streamed = await POST(
      new Request("http://localhost:3999/api/v1/events", {
        method: "POST",
        headers: { authorization: `Bearer ${key}` },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(await eventCount()).toBe(before);
  });
});
