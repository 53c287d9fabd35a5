import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { catchTestMail } from "@/server/testing/mail-fixtures";
import {
  addTestMember,
  callerFor,
  callerFromHeaders,
  createTestApiKey,
  createTestWorkspace,
} from "@/server/testing/fixtures";

describe("outbox isolation", () => {
  it("mail stamped X-Herald-Workspace: A is listed in A's outbox only", async () => {
    const a = await createTestWorkspace();
    const b = await createTestWorkspace();
    const subject = `A's newsletter ${randomUUID()}`;
    const stored = await catchTestMail({ to: "Reader@Example.test", subject, workspaceId: a.workspace.id });
    expect(stored).toEqual({ id: stored.id, subject, workspaceId: a.workspace.id });

    const inA = await callerFor(a.owner, a.workspace.id).outbox.list();
    expect(inA).toEqual([
      expect.objectContaining({ id: stored.id, subject, recipients: ["reader@example.test"], system: false }),
    ]);
    expect(await callerFor(a.owner, a.workspace.id).outbox.get({ messageId: stored.id })).toMatchObject({
      id: stored.id,
      subject,
      text: expect.stringContaining("Hello"),
    });

    expect(await callerFor(b.owner, b.workspace.id).outbox.list()).toEqual([]);
    await expect(callerFor(b.owner, b.workspace.id).outbox.get({ messageId: stored.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    // An API key with the send scope reads its own workspace's outbox, and only that.
    const { secret } = await createTestApiKey(b.workspace.id, b.owner.id, ["send"]);
    const bKey = await callerFromHeaders({ authorization: `Bearer ${secret}` });
    expect(await bKey.outbox.list()).toEqual([]);
    await expect(bKey.outbox.get({ messageId: stored.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a header naming a workspace that does not exist, or not a workspace id, leaves the mail unattributed", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const ghost = await catchTestMail({ to: "x@example.test", subject: "ghost", workspaceId: randomUUID() });
    const junk = await catchTestMail({ to: "x@example.test", subject: "junk", workspaceId: "not-a-uuid" });
    expect(ghost.workspaceId).toBeNull();
    expect(junk.workspaceId).toBeNull();
    const listed = (await callerFor(owner, workspace.id).outbox.list()).map((m) => m.id);
    expect(listed).not.toContain(ghost.id);
    expect(listed).not.toContain(junk.id);
  });

  it("the app's own mail (no workspace) is shown only to the person it was sent to", async () => {
    const a = await createTestWorkspace();
    const b = await createTestWorkspace();
    const { user: colleague } = await addTestMember(a.workspace.id, "admin");
    const subject = `Reset your password ${randomUUID()}`;
    const system = await catchTestMail({ to: a.owner.email.toUpperCase(), subject });
    expect(system.workspaceId).toBeNull();

    const ownerView = await callerFor(a.owner, a.workspace.id).outbox.list();
    expect(ownerView).toEqual([expect.objectContaining({ id: system.id, subject, system: true })]);
    expect(await callerFor(a.owner, a.workspace.id).outbox.get({ messageId: system.id })).toMatchObject({ subject });

    // Not to a colleague in the same workspace, nor anyone elsewhere, nor an API key.
    expect(await callerFor(colleague, a.workspace.id).outbox.list()).toEqual([]);
    await expect(callerFor(colleague, a.workspace.id).outbox.get({ messageId: system.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await callerFor(b.owner, b.workspace.id).outbox.list()).toEqual([]);
    const { secret } = await createTestApiKey(a.workspace.id, a.owner.id, ["send"]);
    expect(await (await callerFromHeaders({ authorization: `Bearer ${secret}` })).outbox.list()).toEqual([]);
  });
});
