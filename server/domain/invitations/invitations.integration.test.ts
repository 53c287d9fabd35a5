import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { workspaceInvitations, workspaceMembers } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import type { Role } from "@/server/domain/workspaces/roles";
import { signInCookie } from "@/server/testing/auth-http";
import {
  addTestMember,
  callerFor,
  createTestUser,
  createTestWorkspace,
  TEST_PASSWORD,
  type TestUser,
} from "@/server/testing/fixtures";
import { queuedSystemEmails, withSystemMailQueue } from "@/server/testing/system-mail";
import { trpcHttp } from "@/server/testing/trpc-http";

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

const invite = (inviter: TestUser, workspaceId: string, email: string, role: Role) =>
  callerFor(inviter, workspaceId).invitations.create({ email, role });

const membershipOf = async (workspaceId: string, userId: string) =>
  (
    await db
      .select({ role: workspaceMembers.role })
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
  )[0] ?? null;

const memberIdOf = async (workspaceId: string, userId: string) =>
  (
    await db
      .select({ id: workspaceMembers.id })
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
  )[0]!.id;

describe("inviting and accepting", () => {
  it("queues the email with the invitation; the invitee accepts and becomes a member with that role", async () => {
    const owner = await createTestUser("Olga Owner");
    const workspace = await callerFor(owner).workspaces.create({ name: "Invite Co" });
    const invitee = await createTestUser("Ivan Invitee");

    const { invitation, url } = await withSystemMailQueue(async () => {
      const created = await invite(owner, workspace.id, `  ${invitee.email.toUpperCase()} `, "editor");
      const queued = await queuedSystemEmails(invitee.email);
      expect(queued).toHaveLength(1);
      expect(queued[0]!.subject).toBe("Olga Owner invited you to Invite Co on Herald");
      expect(queued[0]!.text).toContain(created.url);
      return created;
    });
    expect(invitation).toMatchObject({ email: invitee.email, role: "editor", status: "pending" });
    expect(url).toMatch(/^http:\/\/localhost:3999\/invitations\/accept\?token=/);
    expect(await callerFor(owner, workspace.id).invitations.list()).toMatchObject([
      { id: invitation.id, email: invitee.email, role: "editor", expired: false, invitedByName: "Olga Owner" },
    ]);

    const token = tokenOf(url);
    expect(await callerFor(invitee).invitations.preview({ token })).toMatchObject({
      workspaceName: "Invite Co",
      email: invitee.email,
      role: "editor",
      problem: null,
    });
    expect(await callerFor(invitee).invitations.accept({ token })).toEqual({ workspaceId: workspace.id, role: "editor" });

    expect(await callerFor(invitee).workspaces.list()).toEqual([
      { id: workspace.id, name: "Invite Co", slug: workspace.slug, role: "editor" },
    ]);
    const members = await callerFor(owner, workspace.id).members.list();
    expect(members.map((m) => [m.email, m.role]).sort()).toEqual(
      [
        [owner.email, "owner"],
        [invitee.email, "editor"],
      ].sort(),
    );
    expect(await callerFor(owner, workspace.id).invitations.list()).toEqual([]);
  });

  it("refuses to invite an existing member, creating neither an invitation nor an email", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { user: member } = await addTestMember(workspace.id, "viewer");
    await withSystemMailQueue(async () => {
      await expect(invite(owner, workspace.id, member.email, "admin")).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: `${member.email} is already a member of this workspace`,
      });
      expect(await queuedSystemEmails(member.email)).toEqual([]);
    });
    expect(await db.select().from(workspaceInvitations).where(eq(workspaceInvitations.workspaceId, workspace.id))).toEqual([]);
  });

  it("inviting the same address again replaces the pending invitation; the old link stops working", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const invitee = await createTestUser();
    const first = await invite(owner, workspace.id, invitee.email, "viewer");
    const second = await invite(owner, workspace.id, invitee.email, "admin");

    const pending = await callerFor(owner, workspace.id).invitations.list();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ id: second.invitation.id, role: "admin" });

    await expect(callerFor(invitee).invitations.accept({ token: tokenOf(first.url) })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This invitation was withdrawn; ask for a new one",
    });
    expect(await membershipOf(workspace.id, invitee.id)).toBeNull();

    await callerFor(invitee).invitations.accept({ token: tokenOf(second.url) });
    expect(await membershipOf(workspace.id, invitee.id)).toEqual({ role: "admin" });
  });

  it("refuses an expired invitation, saying so, and adds nobody", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const invitee = await createTestUser();
    const { invitation, url } = await invite(owner, workspace.id, invitee.email, "editor");
    await db.execute(
      sql`update workspace_invitations set expires_at = now() - interval '1 minute' where id = ${invitation.id}`,
    );

    const preview = await callerFor(invitee).invitations.preview({ token: tokenOf(url) });
    expect(preview.problem).toBe("This invitation has expired; ask for a new one");
    await expect(callerFor(invitee).invitations.accept({ token: tokenOf(url) })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("expired"),
    });
    expect(await membershipOf(workspace.id, invitee.id)).toBeNull();
    expect((await callerFor(owner, workspace.id).invitations.list())[0]).toMatchObject({ id: invitation.id, expired: true });
  });

  it("refuses a revoked invitation", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const invitee = await createTestUser();
    const { invitation, url } = await invite(owner, workspace.id, invitee.email, "editor");
    expect(await callerFor(owner, workspace.id).invitations.revoke({ invitationId: invitation.id })).toEqual({
      id: invitation.id,
    });
    await expect(callerFor(owner, workspace.id).invitations.revoke({ invitationId: invitation.id })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );

    await expect(callerFor(invitee).invitations.accept({ token: tokenOf(url) })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "This invitation was withdrawn; ask for a new one",
    });
    expect(await membershipOf(workspace.id, invitee.id)).toBeNull();
    expect(await callerFor(owner, workspace.id).invitations.list()).toEqual([]);
  });

  it("refuses someone signed in with a different address, creating nothing and leaving the invitation usable", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const invitee = await createTestUser();
    const stranger = await createTestUser();
    const { url } = await invite(owner, workspace.id, invitee.email, "admin");

    await expect(callerFor(stranger).invitations.accept({ token: tokenOf(url) })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: `This invitation was sent to ${invitee.email}; sign in with that address to accept it`,
    });
    expect(await membershipOf(workspace.id, stranger.id)).toBeNull();
    expect(await callerFor(stranger).workspaces.list()).toEqual([]);

    await callerFor(invitee).invitations.accept({ token: tokenOf(url) });
    expect(await membershipOf(workspace.id, invitee.id)).toEqual({ role: "admin" });
  });

  it("refuses an invitation accepted a second time", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const invitee = await createTestUser();
    const { url } = await invite(owner, workspace.id, invitee.email, "viewer");
    await callerFor(invitee).invitations.accept({ token: tokenOf(url) });

    await expect(callerFor(invitee).invitations.accept({ token: tokenOf(url) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This invitation has already been accepted",
    });
    expect(await membershipOf(workspace.id, invitee.id)).toEqual({ role: "viewer" });
  });

  it("refuses a token that was never issued", async () => {
    const invitee = await createTestUser();
    await expect(callerFor(invitee).invitations.accept({ token: "x".repeat(43) })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "This invitation link is not valid",
    });
    await expect(callerFor(invitee).invitations.preview({ token: "x".repeat(43) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("who may do what", () => {
  it("viewers and editors cannot invite; admins can invite up to admin but never an owner", async () => {
    const { workspace } = await createTestWorkspace();
    const { user: viewer } = await addTestMember(workspace.id, "viewer");
    const { user: editor } = await addTestMember(workspace.id, "editor");
    const { user: admin } = await addTestMember(workspace.id, "admin");
    const target = await createTestUser();

    await expect(invite(viewer, workspace.id, target.email, "viewer")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This needs the admin role or higher; you are a viewer",
    });
    await expect(invite(editor, workspace.id, target.email, "viewer")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "This needs the admin role or higher; you are an editor",
    });
    await expect(invite(admin, workspace.id, target.email, "owner")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Only an owner can invite another owner",
    });
    expect(await callerFor(admin, workspace.id).invitations.list()).toEqual([]);

    const { invitation } = await invite(admin, workspace.id, target.email, "admin");
    expect(invitation.role).toBe("admin");
  });

  it("an admin cannot change or remove an owner, nor appoint one, but can manage an editor", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { user: admin } = await addTestMember(workspace.id, "admin");
    const { member: editor } = await addTestMember(workspace.id, "editor");
    const ownerMemberId = await memberIdOf(workspace.id, owner.id);
    const asAdmin = callerFor(admin, workspace.id).members;

    await expect(asAdmin.changeRole({ memberId: ownerMemberId, role: "viewer" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only an owner can appoint or change an owner",
    });
    await expect(asAdmin.changeRole({ memberId: editor.id, role: "owner" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asAdmin.remove({ memberId: ownerMemberId })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only an owner can remove an owner",
    });
    expect(await membershipOf(workspace.id, owner.id)).toEqual({ role: "owner" });
    expect(await membershipOf(workspace.id, editor.userId)).toEqual({ role: "editor" });

    expect(await asAdmin.changeRole({ memberId: editor.id, role: "viewer" })).toMatchObject({ role: "viewer" });
    expect(await asAdmin.remove({ memberId: editor.id })).toEqual({ removed: editor.id });
    expect(await membershipOf(workspace.id, editor.userId)).toBeNull();
  });

  it("an owner delegates by appointing another owner, then can step down and leave", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { user: successor, member: successorMember } = await addTestMember(workspace.id, "admin");
    const ownerMemberId = await memberIdOf(workspace.id, owner.id);

    await callerFor(owner, workspace.id).members.changeRole({ memberId: successorMember.id, role: "owner" });
    expect(await membershipOf(workspace.id, successor.id)).toEqual({ role: "owner" });

    await callerFor(owner, workspace.id).members.changeRole({ memberId: ownerMemberId, role: "admin" });
    expect(await membershipOf(workspace.id, owner.id)).toEqual({ role: "admin" });
    // Now an admin, the former owner can no longer touch the new owner.
    await expect(
      callerFor(owner, workspace.id).members.changeRole({ memberId: successorMember.id, role: "admin" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect(await callerFor(owner).workspaces.leave({ workspaceId: workspace.id })).toEqual({ left: workspace.id });
    expect(await membershipOf(workspace.id, owner.id)).toBeNull();
    expect(await callerFor(successor).workspaces.list()).toMatchObject([{ id: workspace.id, role: "owner" }]);
  });

  it("the last owner cannot be demoted, removed or leave", async () => {
    const { workspace, owner } = await createTestWorkspace();
    await addTestMember(workspace.id, "admin");
    const ownerMemberId = await memberIdOf(workspace.id, owner.id);
    const lastOwner = expect.stringContaining("a workspace must keep at least one owner");

    await expect(
      callerFor(owner, workspace.id).members.changeRole({ memberId: ownerMemberId, role: "admin" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: lastOwner });
    await expect(callerFor(owner, workspace.id).members.remove({ memberId: ownerMemberId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: lastOwner,
    });
    await expect(callerFor(owner).workspaces.leave({ workspaceId: workspace.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: lastOwner,
    });
    expect(await membershipOf(workspace.id, owner.id)).toEqual({ role: "owner" });
  });
});

describe("bad input over HTTP", () => {
  it("answers 400 with the field named in data.fieldErrors, and creates nothing", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const headers = { cookie: await signInCookie(owner.email, TEST_PASSWORD), "x-herald-workspace": workspace.id };

    const badEmail = await trpcHttp("invitations.create", {
      type: "mutation",
      input: { email: "not an email", role: "editor" },
      headers,
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.error).toMatchObject({
      message: "Enter a valid email address, such as ana@example.com",
      data: {
        code: "BAD_REQUEST",
        httpStatus: 400,
        appCode: "BAD_REQUEST",
        fieldErrors: { email: ["Enter a valid email address, such as ana@example.com"] },
      },
    });
    expect(badEmail.error!.data.stack).toBeUndefined();

    const badRole = await trpcHttp("invitations.create", {
      type: "mutation",
      input: { email: "someone@example.test", role: "superuser" },
      headers,
    });
    expect(badRole.status).toBe(400);
    expect(badRole.error!.data.fieldErrors).toEqual({ role: ["Role must be one of owner, admin, editor, viewer"] });

    expect(await db.select().from(workspaceInvitations).where(eq(workspaceInvitations.workspaceId, workspace.id))).toEqual([]);
  });
});
