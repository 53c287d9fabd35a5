import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAttributeDefinition } from "@/server/domain/attributes/create-attribute-definition";
import { createContact } from "@/server/domain/contacts/create-contact";
import { attachFileToTemplate } from "@/server/domain/files/attach-file-to-template";
import { storeFile } from "@/server/domain/files/store-file";
import { callerFor, createTestApiKey, createTestWorkspace, callerFromHeaders } from "@/server/testing/fixtures";
import { startSmtpSink, type SmtpSink } from "@/server/testing/smtp-sink";
import { queuedJobPayloads } from "@/server/testing/system-mail";
import { deliverTestEmail } from "./deliver-test-email";
import type { TestEmailJob } from "./send-test-email";

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(() => sink.close());

const setup = async () => {
  const { workspace, owner } = await createTestWorkspace("Acme");
  return { workspaceId: workspace.id, owner, caller: callerFor(owner, workspace.id) };
};

const queuedTests = (templateId: string) => queuedJobPayloads<TestEmailJob>("content/send-test-email", "templateId", templateId);

describe("email templates", () => {
  it("a blank template starts sendable: greeting, footer with unsubscribe, generated plain text", async () => {
    const { caller } = await setup();
    const created = await caller.emailTemplates.create({ name: " Welcome ", editor: "visual" });
    expect(created).toMatchObject({ name: "Welcome", editor: "visual", revision: 1 });
    const template = await caller.emailTemplates.get({ templateId: created.id });
    expect(template.source).toContain("{{ unsubscribe_url }}");
    expect(template.textBody).toContain("Write your message here.");
    // The footer wants the workspace's postal address until one is set.
    const warned = await caller.emailTemplates.preview({ templateId: created.id });
    expect(warned.problems).toContainEqual(expect.objectContaining({ severity: "warning", message: expect.stringContaining("postal_address") }));
    await caller.workspaces.setPostalAddress({ postalAddress: "1 Queen's Road Central, Hong Kong" });
    const addressed = await caller.emailTemplates.preview({ templateId: created.id });
    expect(addressed.problems.some((p) => p.message.includes("postal_address"))).toBe(false);
    expect(addressed.html).toContain("1 Queen&#39;s Road Central, Hong Kong");
    expect((await caller.emailTemplates.list()).map((t) => t.name)).toEqual(["Welcome"]);
    const letter = await caller.emailTemplates.create({ name: "Note", editor: "rich_text" });
    expect((await caller.emailTemplates.get({ templateId: letter.id })).sourceFormat).toBe("html");
  });

  it("saves report Liquid and MJML errors at the author's line and column, and warn about unknown variables", async () => {
    const { caller, workspaceId } = await setup();
    await createAttributeDefinition({ workspaceId, key: "plan", label: "Plan", type: "text" });
    const { id } = await caller.emailTemplates.create({ name: "T", editor: "code" });
    const source = `<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>{{ contact.plan }} {{ contact.shoe_size }} {{ unsubscribe_url }}</mj-text>\n<mj-text>{{ contact.first_name | shout }}</mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
    const saved = await caller.emailTemplates.update({ templateId: id, expectedRevision: 1, source, subject: "Hi {{ contct.first_name }}" });
    expect(saved.revision).toBe(2);
    expect(saved.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: "error", field: "source", line: 5, column: 10, message: expect.stringContaining("shout") }),
        expect.objectContaining({ severity: "warning", field: "source", line: 4, message: expect.stringContaining("contact.shoe_size") }),
        expect.objectContaining({ severity: "warning", field: "subject", line: 1, column: 7, message: expect.stringContaining("contct") }),
      ]),
    );
    expect(saved.problems.some((p) => p.message.includes("contact.plan"))).toBe(false);
    const mjmlError = await caller.emailTemplates.update({ templateId: id, expectedRevision: 2, source: source.replace("{{ contact.first_name | shout }}", "ok").replace("<mj-text>ok", '<mj-text colour="red">ok') });
    expect(mjmlError.problems.filter((p) => p.severity === "error")).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining("colour") })]);
  });

  it("refuses a save over a newer one, and keeps an edited plain-text part until asked to follow the HTML again", async () => {
    const { caller } = await setup();
    const { id } = await caller.emailTemplates.create({ name: "T", editor: "visual" });
    await caller.emailTemplates.update({ templateId: id, expectedRevision: 1, name: "First" });
    await expect(caller.emailTemplates.update({ templateId: id, expectedRevision: 1, name: "Stale" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await caller.emailTemplates.get({ templateId: id })).name).toBe("First");

    const custom = await caller.emailTemplates.update({ templateId: id, expectedRevision: 2, textBody: "My own words, {{ contact.first_name }}" });
    const afterEdit = await caller.emailTemplates.update({ templateId: id, expectedRevision: custom.revision, source: (await caller.emailTemplates.get({ templateId: id })).source.replace("Write your message here.", "Fresh copy.") });
    expect(afterEdit.textBody).toBe("My own words, {{ contact.first_name }}");
    const following = await caller.emailTemplates.update({ templateId: id, expectedRevision: afterEdit.revision, textCustom: false });
    expect(following.textBody).toContain("Fresh copy.");
  });

  it("names the field and the reason for bad input, and stores nothing", async () => {
    const { caller } = await setup();
    // Through tRPC the input schema answers first; the HTTP error formatter turns its issues into fieldErrors.
    const refused = (field: string, text: string) => ({ code: "BAD_REQUEST", message: expect.stringMatching(new RegExp(`"${field}"[\\s\\S]*${text}|${text}[\\s\\S]*"${field}"`)) });
    await expect(caller.emailTemplates.create({ name: "  ", editor: "visual" })).rejects.toMatchObject(refused("name", "Give the template a name"));
    await expect(caller.emailTemplates.create({ name: "x", editor: "visual", starterKey: "nope" })).rejects.toMatchObject({ cause: { fieldErrors: { starterKey: [expect.stringContaining("nope")] } } });
    const { id } = await caller.emailTemplates.create({ name: "T", editor: "visual" });
    await expect(caller.emailTemplates.update({ templateId: id, expectedRevision: 1, subject: "two\nlines" })).rejects.toMatchObject(refused("subject", "The subject must be one line"));
    await expect(caller.emailTemplates.update({ templateId: id, expectedRevision: 1, replyTo: "not-an-address" })).rejects.toMatchObject(refused("replyTo", "Enter a valid email address"));
    expect((await caller.emailTemplates.get({ templateId: id })).revision).toBe(1);
  });

  it("copies a starter design, and lists the gallery with rendered previews", async () => {
    const { caller } = await setup();
    const starters = await caller.emailTemplates.starters();
    expect(starters.length).toBeGreaterThanOrEqual(5);
    expect(new Set(starters.map((s) => s.category))).toEqual(new Set(["newsletter", "welcome", "promotion", "transactional", "re-engagement"]));
    for (const starter of starters) expect(starter.previewHtml).not.toContain("{{");
    const { id } = await caller.emailTemplates.create({ name: "Our welcome", editor: "visual", starterKey: starters[1]!.key });
    const copy = await caller.emailTemplates.get({ templateId: id });
    expect(copy).toMatchObject({ starterKey: starters[1]!.key, sourceFormat: "mjml" });
    expect(copy.subject.length).toBeGreaterThan(0);
  });

  it("previews for a real contact with their data inert, or a draft for the sample person; never another workspace's contact", async () => {
    const { caller, workspaceId } = await setup();
    const { id } = await caller.emailTemplates.create({ name: "T", editor: "visual" });
    const contact = await createContact({ workspaceId, source: "manual", email: "mallory@example.com", firstName: "<script>alert(1)</script>{{ x }}" });
    const preview = await caller.emailTemplates.preview({ templateId: id, contactId: contact.id });
    expect(preview.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;{{ x }}");
    expect(preview.html).not.toContain("<script>");
    expect(preview.subject).toBe("");
    const draft = await caller.emailTemplates.preview({ templateId: id, draft: { subject: "Hi {{ contact.first_name }}" } });
    expect(draft).toMatchObject({ subject: "Hi Alex", contact: null });
    const other = await setup();
    const stranger = await createContact({ workspaceId: other.workspaceId, source: "manual", email: "x@example.com" });
    await expect(caller.emailTemplates.preview({ templateId: id, contactId: stranger.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.emailTemplates.get({ templateId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sends a test with the sender, reply-to and attachments, stamped for the Outbox, one job per address", async () => {
    const { caller, workspaceId, owner } = await setup();
    const identity = await caller.sendingIdentities.create({ fromName: "Acme News", fromEmail: "News@Acme.example", replyTo: "help@acme.example" });
    expect(identity.fromEmail).toBe("news@acme.example");
    await expect(caller.sendingIdentities.create({ fromName: "Again", fromEmail: "news@acme.example" })).rejects.toMatchObject({ code: "CONFLICT" });
    const { id } = await caller.emailTemplates.create({ name: "T", editor: "visual" });
    await caller.emailTemplates.update({ templateId: id, expectedRevision: 1, subject: "Hello {{ contact.first_name }}", sendingIdentityId: identity.id });
    const file = await storeFile({ workspaceId, purpose: "attachment", filename: "terms.pdf", bytes: Buffer.from("%PDF-1.4\n%test\n"), createdBy: owner.id, filesDir: null });
    await attachFileToTemplate({ workspaceId, templateId: id, fileId: file.id });
    const contact = await createContact({ workspaceId, source: "manual", email: "ann@example.com", firstName: "Ann" });

    await expect(caller.emailTemplates.sendTest({ templateId: id, to: ["nope"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await caller.emailTemplates.sendTest({ templateId: id, to: ["qa@example.com", "QA@example.com", "boss@example.com"], contactId: contact.id })).toEqual({ queued: 2 });
    const jobs = await queuedTests(id);
    expect(jobs.map((j) => j.to)).toEqual([["qa@example.com"], ["boss@example.com"]]);

    await deliverTestEmail(jobs[0]!, { smtpUrl: sink.url });
    const [message] = sink.messagesTo("qa@example.com");
    expect(message!.mailFrom).toBe("news@acme.example");
    expect(message!.parsed.subject).toBe("[Test] Hello Ann");
    expect(message!.parsed.from?.value[0]).toMatchObject({ name: "Acme News", address: "news@acme.example" });
    expect(message!.parsed.replyTo?.value[0]?.address).toBe("help@acme.example");
    expect(message!.parsed.headers.get("x-herald-workspace")).toBe(workspaceId);
    expect(message!.parsed.html).toContain("Hello Ann");
    expect(message!.parsed.attachments.map((a) => a.filename)).toEqual(["terms.pdf"]);
  });

  it("refuses a test of a template with errors, saying what to fix", async () => {
    const { caller } = await setup();
    const { id } = await caller.emailTemplates.create({ name: "T", editor: "visual" });
    await caller.emailTemplates.update({ templateId: id, expectedRevision: 1, subject: "{{ oops " });
    await expect(caller.emailTemplates.sendTest({ templateId: id, to: ["qa@example.com"] })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("subject"),
    });
  });

  it("archives, restores and duplicates with attachments", async () => {
    const { caller, workspaceId, owner } = await setup();
    const { id } = await caller.emailTemplates.create({ name: "Promo", editor: "visual" });
    const file = await storeFile({ workspaceId, purpose: "attachment", filename: "a.txt", bytes: Buffer.from("hello"), createdBy: owner.id, filesDir: null });
    await attachFileToTemplate({ workspaceId, templateId: id, fileId: file.id });
    const copy = await caller.emailTemplates.duplicate({ templateId: id });
    expect(copy.name).toBe("Promo (copy)");
    expect((await caller.files.templateAttachments({ templateId: copy.id })).items.map((f) => f.filename)).toEqual(["a.txt"]);
    await caller.emailTemplates.archive({ templateId: id, archived: true });
    expect((await caller.emailTemplates.list()).map((t) => t.name)).toEqual(["Promo (copy)"]);
    expect((await caller.emailTemplates.list({ archived: true })).map((t) => t.name)).toEqual(["Promo"]);
    await caller.emailTemplates.archive({ templateId: id, archived: false });
    expect(await caller.emailTemplates.list()).toHaveLength(2);
  });

  it("API keys: templates:read reads, templates:write writes, send sends tests", async () => {
    const { workspaceId, owner, caller } = await setup();
    const { id } = await caller.emailTemplates.create({ name: "T", editor: "visual" });
    const reader = await callerFromHeaders({ authorization: `Bearer ${(await createTestApiKey(workspaceId, owner.id, ["templates:read"])).secret}` });
    expect(await reader.emailTemplates.list()).toHaveLength(1);
    await expect(reader.emailTemplates.create({ name: "No", editor: "visual" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reader.emailTemplates.sendTest({ templateId: id, to: ["a@example.com"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const writer = await callerFromHeaders({ authorization: `Bearer ${(await createTestApiKey(workspaceId, owner.id, ["templates:write"])).secret}` });
    expect(await writer.emailTemplates.create({ name: "Yes", editor: "code" })).toMatchObject({ name: "Yes" });
    await expect(writer.sendingIdentities.create({ fromName: "x", fromEmail: "x@example.com" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
