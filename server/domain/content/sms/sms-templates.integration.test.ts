import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { smsTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createHeraldClient } from "@/sdk/index";
import { addTestMember, callerFor, callerFromHeaders, createTestApiKey, createTestWorkspace } from "@/server/testing/fixtures";
import { startTrpcServer } from "@/server/testing/trpc-http";

const setUp = async () => {
  const { workspace, owner } = await createTestWorkspace("Herald Café");
  const caller = callerFor(owner, workspace.id);
  const route = await caller.smsRoutes.create({ name: "HK", markets: ["HK"], pricePerSegment: 0.05, charset: "ucs2" });
  return { workspace, owner, caller, route };
};

describe("SMS templates through tRPC", () => {
  it("creates with defaults, saves revisions, refuses a stale save, archives and restores", async () => {
    const { workspace, owner, caller, route } = await setUp();
    const template = await caller.smsTemplates.create({ name: " Flash sale " });
    expect(template).toMatchObject({ name: "Flash sale", body: "", optOutFooter: "", characterPolicy: "keep", routeId: null, revision: 1, archivedAt: null });
    const [row] = await db.select().from(smsTemplates).where(eq(smsTemplates.id, template.id));
    expect(row).toMatchObject({ workspaceId: workspace.id, createdBy: owner.id });

    const saved = await caller.smsTemplates.update({
      templateId: template.id,
      expectedRevision: 1,
      body: "Hi {{ contact.first_name }}, 20% off today",
      optOutFooter: "Reply STOP to opt out",
      characterPolicy: "replace",
      routeId: route.id,
    });
    expect(saved).toMatchObject({ name: "Flash sale", revision: 2, characterPolicy: "replace", routeId: route.id });
    expect(await caller.smsTemplates.get({ templateId: template.id })).toMatchObject({
      body: "Hi {{ contact.first_name }}, 20% off today",
      route: { id: route.id, name: "HK", pricePerSegment: 0.05, charset: "ucs2" },
    });

    // Someone else's editor still holds revision 1: their save is refused, nothing is lost.
    await expect(caller.smsTemplates.update({ templateId: template.id, expectedRevision: 1, body: "Overwrite" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Someone saved this template after you opened it"),
    });
    expect((await caller.smsTemplates.update({ templateId: template.id, routeId: null })).routeId).toBeNull();

    await caller.smsTemplates.create({ name: "Second" });
    expect((await caller.smsTemplates.list()).map((t) => t.name).sort()).toEqual(["Flash sale", "Second"]);
    const archived = await caller.smsTemplates.archive({ templateId: template.id });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await caller.smsTemplates.list()).map((t) => t.name)).toEqual(["Second"]);
    expect((await caller.smsTemplates.list({ archived: true })).map((t) => t.name)).toEqual(["Flash sale"]);
    await expect(caller.smsTemplates.update({ templateId: template.id, body: "x" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((await caller.smsTemplates.archive({ templateId: template.id, archived: false })).archivedAt).toBeNull();
    expect(await caller.smsTemplates.list()).toHaveLength(2);
  });

  it("reports Liquid syntax errors on the body with line and column, and a foreign route on routeId", async () => {
    const { caller } = await setUp();
    await expect(caller.smsTemplates.create({ name: "Broken", body: "Hi {{ contact.first_name" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fieldErrors: { body: ['Line 1, column 4: output "{{ contact.first_name" not closed'] } },
    });
    const template = await caller.smsTemplates.create({ name: "Fine", body: "Hello" });
    await expect(caller.smsTemplates.update({ templateId: template.id, body: "Hi\n{% if contact.first_name %}there" })).rejects.toMatchObject({
      cause: { fieldErrors: { body: ["Line 2, column 1: tag {% if contact.first_name %} not closed"] } },
    });
    await expect(caller.smsTemplates.update({ templateId: template.id, body: "Hi {{ contact.first_name | shout }}" })).rejects.toMatchObject({
      cause: { fieldErrors: { body: ["Line 1, column 4: undefined filter: shout"] } },
    });
    const other = await createTestWorkspace();
    const foreignRoute = await callerFor(other.owner, other.workspace.id).smsRoutes.create({ name: "Theirs", markets: ["TW"], pricePerSegment: 1 });
    await expect(caller.smsTemplates.update({ templateId: template.id, body: "{{ x", routeId: foreignRoute.id })).rejects.toMatchObject({
      cause: { fieldErrors: { body: [expect.stringContaining("not closed")], routeId: ["Choose one of this workspace's SMS routes"] } },
    });
    expect((await caller.smsTemplates.get({ templateId: template.id })).body).toBe("Hello");
  });

  it("previews a draft for a chosen contact or the sample person, with encoding, segments and cost", async () => {
    const { workspace, caller, route } = await setUp();
    await caller.attributes.create({ key: "plan", label: "Plan", type: "text" });
    const contact = await caller.contacts.create({ email: "siobhan@example.com", firstName: "Siobhán", attributes: { plan: "Gold" } });
    const body = "Hi {{ contact.first_name }}, your {{ contact.plan }} offer: it’s 20% off at {{ workspace.name }}";

    const forContact = await caller.smsTemplates.preview({ body, routeId: route.id, contactId: contact.id, optOutFooter: "STOP to end" });
    expect(forContact).toMatchObject({
      ok: true,
      text: "Hi Siobhán, your Gold offer: it’s 20% off at Herald Café\nSTOP to end",
      encoding: "ucs2",
      segments: 1,
      contact: { id: contact.id, firstName: "Siobhán" },
      route: { id: route.id, name: "HK" },
      cost: 0.05,
    });
    if (!forContact.ok) throw new Error("expected a preview");
    expect(forContact.ucs2Characters.map((c) => c.char)).toEqual(["á", "’"]);

    // The sample person fills attributes with stand-ins; "replace" swaps the ’ but á keeps it UCS-2.
    const sample = await caller.smsTemplates.preview({ body, characterPolicy: "replace" });
    expect(sample).toMatchObject({
      ok: true,
      text: "Hi Alex, your Sample plan offer: it's 20% off at Herald Café",
      encoding: "gsm7",
      contact: null,
      route: null,
      cost: null,
    });

    // A saved template previews by id alone; its route prices it.
    const saved = await caller.smsTemplates.create({ name: "Saved", body: "{{ contact.first_name }} ".repeat(40), routeId: route.id });
    expect(await caller.smsTemplates.preview({ templateId: saved.id, contactId: contact.id })).toMatchObject({
      ok: true,
      encoding: "ucs2",
      units: 320,
      segments: 5,
      cost: 0.25,
    });

    // A draft that does not parse is a value to show under the box, not an error.
    expect(await caller.smsTemplates.preview({ body: "Hi\n  {{ contact.first_name " })).toEqual({
      ok: false,
      problem: { message: 'output "{{ contact.first_name " not closed', line: 2, column: 3 },
    });
    expect(workspace.name).toBe("Herald Café");
  });

  it("lets viewers and templates:read keys read and preview; writing needs an editor or templates:write", async () => {
    const { workspace, owner, caller } = await setUp();
    const template = await caller.smsTemplates.create({ name: "Seen", body: "Hello" });
    const { user: viewer } = await addTestMember(workspace.id, "viewer");
    const { secret: readSecret } = await createTestApiKey(workspace.id, owner.id, ["templates:read"]);
    const { secret: writeSecret } = await createTestApiKey(workspace.id, owner.id, ["templates:write"]);

    for (const reader of [callerFor(viewer, workspace.id), await callerFromHeaders({ authorization: `Bearer ${readSecret}` })]) {
      expect((await reader.smsTemplates.list()).map((t) => t.id)).toEqual([template.id]);
      expect((await reader.smsTemplates.get({ templateId: template.id })).name).toBe("Seen");
      expect(await reader.smsTemplates.preview({ templateId: template.id })).toMatchObject({ ok: true, text: "Hello" });
      await expect(reader.smsTemplates.create({ name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(reader.smsTemplates.update({ templateId: template.id, body: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(reader.smsTemplates.archive({ templateId: template.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const writer = await callerFromHeaders({ authorization: `Bearer ${writeSecret}` });
    const made = await writer.smsTemplates.create({ name: "From the API", body: "Hi" });
    const [row] = await db.select().from(smsTemplates).where(eq(smsTemplates.id, made.id));
    expect(row!.createdBy).toBeNull();
  });

  it("never shows, changes or renders with another workspace's templates, routes or contacts", async () => {
    const a = await setUp();
    const secret = await a.caller.smsTemplates.create({ name: "Alpha secret", body: "Alpha secret body", routeId: a.route.id });
    const alphaContact = await a.caller.contacts.create({ email: "alpha@example.com", firstName: "Alphaname" });
    const b = await createTestWorkspace();
    const intruder = callerFor(b.owner, b.workspace.id);

    expect(await intruder.smsTemplates.list()).toEqual([]);
    const notFound = { code: "NOT_FOUND" };
    await expect(intruder.smsTemplates.get({ templateId: secret.id })).rejects.toMatchObject(notFound);
    await expect(intruder.smsTemplates.update({ templateId: secret.id, body: "Hacked" })).rejects.toMatchObject(notFound);
    await expect(intruder.smsTemplates.archive({ templateId: secret.id })).rejects.toMatchObject(notFound);
    await expect(intruder.smsTemplates.preview({ templateId: secret.id })).rejects.toMatchObject(notFound);
    await expect(intruder.smsTemplates.preview({ body: "{{ contact.first_name }}", contactId: alphaContact.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Contact not found",
    });
    await expect(intruder.smsTemplates.preview({ body: "x", routeId: a.route.id })).rejects.toMatchObject({
      cause: { fieldErrors: { routeId: ["Choose one of this workspace's SMS routes"] } },
    });
    expect(await a.caller.smsTemplates.get({ templateId: secret.id })).toMatchObject({ body: "Alpha secret body", revision: 1, archivedAt: null });
  });

  it("previews the longest draft allowed over a real HTTP GET (the draft rides in the query string)", async () => {
    const { workspace, owner, route } = await setUp();
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["templates:read"]);
    const server = await startTrpcServer();
    try {
      const herald = createHeraldClient({ baseUrl: `${server.baseUrl}/`, apiKey: secret });
      // Emoji are the worst case: 4 UTF-8 bytes, 12 once percent-encoded. (34 segments, not 2201 / 67 = 33, as
      // no pair is split: each part of 33 emoji leaves a unit empty.)
      const preview = await herald.smsTemplates.preview.query({ body: "😀".repeat(1000), optOutFooter: "退".repeat(200), routeId: route.id });
      expect(preview).toMatchObject({ ok: true, encoding: "ucs2", units: 2201, segments: 34, cost: 1.7 });
      await expect(herald.smsTemplates.preview.query({ body: "a".repeat(1001) })).rejects.toMatchObject({
        data: { fieldErrors: { body: ["The message must be at most 1000 characters"] } },
      });
    } finally {
      await server.close();
    }
  });
});
