import { describe, expect, it } from "vitest";
import {
  addTestMember,
  callerFor,
  callerFromHeaders,
  createTestApiKey,
  createTestWorkspace,
} from "@/server/testing/fixtures";
import { trpcHttp } from "@/server/testing/trpc-http";

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe("contacts, attributes and lists through tRPC", () => {
  it("an editor does the whole round trip; consent made in the app is recorded as manual", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { user: editor } = await addTestMember(workspace.id, "editor");
    const caller = callerFor(editor, workspace.id);

    await caller.attributes.create({ key: "plan", label: "Plan", type: "text" });
    const contact = await caller.contacts.create({
      email: "trpc@example.com",
      phone: "6123 4567",
      defaultCountry: "HK",
      emailStatus: "subscribed",
      attributes: { plan: "pro" },
    });
    const list = await caller.lists.create({ name: "Newsletter" });
    await caller.lists.addMembers({ listId: list.id, contactIds: [contact.id] });
    await caller.contacts.changeConsent({ contactId: contact.id, channel: "sms", status: "subscribed", note: "Asked at the counter" });

    const detail = await caller.contacts.get({ contactId: contact.id });
    expect(detail.contact).toMatchObject({ phone: "+85261234567", attributes: { plan: "pro" }, smsStatus: "subscribed" });
    expect(detail.lists.map((l) => l.name)).toEqual(["Newsletter"]);
    expect(detail.consentHistory.map((e) => [e.channel, e.source])).toEqual([
      ["sms", "manual"],
      ["email", "manual"],
    ]);
    expect((await caller.contacts.list({ search: "trpc" })).contacts.map((c) => c.id)).toEqual([contact.id]);
    expect(await caller.contacts.count()).toEqual({ count: 1, capped: false });
    expect((await caller.lists.get({ listId: list.id })).members.subscribed).toBe(1);
    expect((await caller.lists.growth({ listId: list.id })).totals.subscribed).toBe(1);

    await caller.contacts.delete({ contactId: contact.id });
    expect((await caller.lists.list())[0]!.members.total).toBe(0);
  });

  it("a viewer can read everything and change nothing", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const ownerCaller = callerFor(owner, workspace.id);
    const contact = await ownerCaller.contacts.create({ email: "seen@example.com" });
    const list = await ownerCaller.lists.create({ name: "Seen" });
    const attribute = await ownerCaller.attributes.create({ key: "plan", label: "Plan", type: "text" });

    const { user: viewer } = await addTestMember(workspace.id, "viewer");
    const caller = callerFor(viewer, workspace.id);
    expect((await caller.contacts.list()).contacts).toHaveLength(1);
    expect((await caller.contacts.get({ contactId: contact.id })).contact.email).toBe("seen@example.com");
    expect(await caller.attributes.list()).toHaveLength(1);
    expect(await caller.lists.list()).toHaveLength(1);
    expect((await caller.lists.members({ listId: list.id })).members).toEqual([]);

    const refused = { code: "FORBIDDEN", message: expect.stringContaining("needs the editor role") };
    await expect(caller.contacts.create({ email: "new@example.com" })).rejects.toMatchObject(refused);
    await expect(caller.contacts.update({ contactId: contact.id, firstName: "X" })).rejects.toMatchObject(refused);
    await expect(caller.contacts.delete({ contactId: contact.id })).rejects.toMatchObject(refused);
    await expect(caller.contacts.changeConsent({ contactId: contact.id, channel: "email", status: "subscribed" })).rejects.toMatchObject(refused);
    await expect(caller.attributes.create({ key: "x", label: "X", type: "text" })).rejects.toMatchObject(refused);
    await expect(caller.attributes.delete({ attributeId: attribute.id })).rejects.toMatchObject(refused);
    await expect(caller.lists.create({ name: "Mine" })).rejects.toMatchObject(refused);
    await expect(caller.lists.delete({ listId: list.id })).rejects.toMatchObject(refused);
    await expect(caller.lists.addMembers({ listId: list.id, contactIds: [contact.id] })).rejects.toMatchObject(refused);
  });

  it("an API key with contacts:read can list but not create; with contacts:write it can, and consent says api", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { secret: readSecret } = await createTestApiKey(workspace.id, owner.id, ["contacts:read"]);
    const reader = await callerFromHeaders(bearer(readSecret));
    expect(await reader.contacts.list()).toEqual({ contacts: [], nextCursor: null });
    expect(await reader.lists.list()).toEqual([]);
    expect(await reader.attributes.list()).toEqual([]);
    await expect(reader.contacts.create({ email: "no@example.com" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: 'This API key lacks the "contacts:write" scope',
    });
    await expect(reader.lists.create({ name: "No" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const { secret: sendSecret } = await createTestApiKey(workspace.id, owner.id, ["send"]);
    await expect((await callerFromHeaders(bearer(sendSecret))).contacts.list()).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: 'This API key lacks the "contacts:read" scope',
    });

    const { secret: writeSecret } = await createTestApiKey(workspace.id, owner.id, ["contacts:write"]);
    const writer = await callerFromHeaders(bearer(writeSecret));
    const contact = await writer.contacts.create({ email: "api@example.com", emailStatus: "subscribed" });
    await writer.contacts.changeConsent({ contactId: contact.id, channel: "email", status: "unsubscribed", source: "preference_center" });
    const history = (await callerFor(owner, workspace.id).contacts.get({ contactId: contact.id })).consentHistory;
    expect(history.map((e) => e.source)).toEqual(["preference_center", "api"]);
  });

  it("over HTTP, validation errors come back as 400 with field errors and duplicates as 409", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["contacts:write"]);
    const created = await trpcHttp("contacts.create", { type: "mutation", input: { email: "http@example.com" }, headers: bearer(secret) });
    expect(created.status).toBe(200);

    const invalid = await trpcHttp("contacts.create", { type: "mutation", input: { email: "nope", phone: "123", defaultCountry: "HK" }, headers: bearer(secret) });
    expect(invalid.status).toBe(400);
    expect(invalid.error).toMatchObject({
      message: "email: Enter a valid email address, such as ana@example.com; phone: Not a valid phone number for HK",
      data: { fieldErrors: { email: [expect.any(String)], phone: ["Not a valid phone number for HK"] } },
    });

    const duplicate = await trpcHttp("contacts.create", { type: "mutation", input: { email: "HTTP@example.com" }, headers: bearer(secret) });
    expect(duplicate.status).toBe(409);
    expect(duplicate.error).toMatchObject({
      message: "A contact with this email already exists",
      data: { appCode: "CONFLICT", fieldErrors: { email: ["A contact with this email already exists"] } },
    });
  });
});
