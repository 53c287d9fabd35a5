import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendingNodes, workspaceMembers, workspaces } from "@/drizzle/schema";
import { getAuth } from "@/server/auth/auth";
import { db } from "@/server/db/client";
import { isInstanceAdmin } from "@/server/domain/instance/is-instance-admin";
import { addJob } from "@/server/jobs/add-job";
import { callerFor, callerFromHeaders, createTestApiKey, createTestUser, createTestWorkspace, TEST_PASSWORD } from "@/server/testing/fixtures";
import { disableNode } from "./disable-node";
import { enableNode } from "./enable-node";
import { heartbeat } from "./heartbeat";
import { listNodes } from "./list-nodes";
import { markDownNodes } from "./mark-down-nodes";
import { markStopped } from "./mark-stopped";
import { poolIdForNode } from "./node-rules";
import { registerNode } from "./register-node";

// Each test file is its own process, so this file can name its own instance administrator before
// anything reads the configuration.
const ADMIN_EMAIL = `nodes-admin-${randomUUID()}@example.test`;
process.env.HERALD_ADMIN_EMAILS = ` Someone@Example.test , ${ADMIN_EMAIL.toUpperCase()} `;

// A task no worker knows, so no worker (another test file's, or a spawned one) ever takes these jobs.
const TEST_TASK = "nodes/test-held-job";
const jobKeys: string[] = [];

const newNode = (host = `host-${randomUUID().slice(0, 8)}`) => registerNode({ host, pid: 4242, version: "9.9.9-test" });

const nodeRow = async (nodeId: string) => (await db.select().from(sendingNodes).where(eq(sendingNodes.id, nodeId)))[0]!;

const ageHeartbeat = (nodeId: string, seconds: number) =>
  db.update(sendingNodes).set({ heartbeatAt: sql`now() - ${seconds} * interval '1 second'` }).where(eq(sendingNodes.id, nodeId));

/** A queued job locked by a node's pool, as graphile-worker leaves it when its process dies mid-job. */
const jobLockedBy = async (nodeId: string) => {
  const key = `nodes-test:${randomUUID()}`;
  jobKeys.push(key);
  await addJob(db, TEST_TASK, {}, { jobKey: key, maxAttempts: 1 });
  await db.execute(sql`
    update graphile_worker._private_jobs set locked_at = now(), locked_by = ${poolIdForNode(nodeId)}
    where key = ${key}`);
  return key;
};

const lockOf = async (key: string) => {
  const [job] = await db.execute<{ locked_by: string | null }>(sql`select locked_by from graphile_worker.jobs where key = ${key}`);
  return job!.locked_by;
};

afterAll(async () => {
  for (const key of jobKeys) await db.execute(sql`delete from graphile_worker._private_jobs where key = ${key}`);
});

describe("registering and heartbeats", () => {
  it("registers an active node that heartbeats its throughput and hears nothing until disabled", async () => {
    const nodeId = await newNode("mail-1.internal");
    const registered = await nodeRow(nodeId);
    expect(registered).toMatchObject({ host: "mail-1.internal", pid: 4242, version: "9.9.9-test", status: "active", disabledAt: null });

    await ageHeartbeat(nodeId, 10);
    expect(await heartbeat(nodeId, { messagesLastMinute: 120, messagesTotal: 5_000 })).toEqual({ disabled: false, wasMarkedDown: false });
    const beaten = await nodeRow(nodeId);
    expect(beaten).toMatchObject({ status: "active", messagesLastMinute: 120, messagesTotal: 5_000 });
    expect(Date.now() - beaten.heartbeatAt.getTime()).toBeLessThan(5_000);

    const listed = (await listNodes()).find((node) => node.id === nodeId);
    expect(listed).toMatchObject({ host: "mail-1.internal", status: "active", messagesLastMinute: 120, messagesTotal: 5_000 });
    expect(listed!.secondsSinceHeartbeat).toBeLessThan(5);
  });

  it("tells a disabled node so at its next heartbeat; enabling before it acts withdraws the request", async () => {
    const nodeId = await newNode();
    const { disabledAt } = await disableNode({ nodeId });
    expect(disabledAt).toBeInstanceOf(Date);
    // Disabling twice keeps the first request's time.
    expect((await disableNode({ nodeId })).disabledAt).toEqual(disabledAt);
    expect(await heartbeat(nodeId, { messagesLastMinute: 0, messagesTotal: 0 })).toMatchObject({ disabled: true });

    await enableNode({ nodeId });
    expect(await heartbeat(nodeId, { messagesLastMinute: 0, messagesTotal: 0 })).toMatchObject({ disabled: false });
  });

  it("refuses to enable a node that is already draining, and to disable one that stopped", async () => {
    const draining = await newNode();
    await disableNode({ nodeId: draining });
    await db.update(sendingNodes).set({ status: "draining" }).where(eq(sendingNodes.id, draining));
    await expect(enableNode({ nodeId: draining })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("start a new worker process") });

    const stopped = await newNode();
    await markStopped(stopped);
    expect(await nodeRow(stopped)).toMatchObject({ status: "stopped", messagesLastMinute: 0 });
    expect((await nodeRow(stopped)).stoppedAt).toBeInstanceOf(Date);
    await expect(disableNode({ nodeId: stopped })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    await expect(disableNode({ nodeId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(enableNode({ nodeId: "not-a-node" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("treats a node whose row was deleted as disabled, so it drains and exits", async () => {
    const nodeId = await newNode();
    await db.delete(sendingNodes).where(eq(sendingNodes.id, nodeId));
    expect(await heartbeat(nodeId, { messagesLastMinute: 0, messagesTotal: 0 })).toEqual({ disabled: true, wasMarkedDown: false });
  });
});

describe("nodes that go silent", () => {
  it("lists a silent node as down before any sweep has marked it", async () => {
    const nodeId = await newNode();
    await ageHeartbeat(nodeId, 31);
    expect((await nodeRow(nodeId)).status).toBe("active");
    const listed = (await listNodes()).find((node) => node.id === nodeId);
    expect(listed).toMatchObject({ status: "down" });
    expect(listed!.secondsSinceHeartbeat).toBeGreaterThanOrEqual(31);
  });

  it("marks silent nodes down and releases exactly their job locks, leaving live nodes alone", async () => {
    const dead = await newNode();
    const deadDraining = await newNode();
    const alive = await newNode();
    await db.update(sendingNodes).set({ status: "draining" }).where(eq(sendingNodes.id, deadDraining));
    await ageHeartbeat(dead, 45);
    await ageHeartbeat(deadDraining, 45);
    await ageHeartbeat(alive, 20);
    const deadJob = await jobLockedBy(dead);
    const deadDrainingJob = await jobLockedBy(deadDraining);
    const aliveJob = await jobLockedBy(alive);

    await markDownNodes({ olderThanSeconds: 30 });

    // Another test file's worker may have run the sweep first, so check the outcome, not who did it.
    expect((await nodeRow(dead)).status).toBe("down");
    expect((await nodeRow(deadDraining)).status).toBe("down");
    expect((await nodeRow(alive)).status).toBe("active");
    expect(await lockOf(deadJob)).toBeNull();
    expect(await lockOf(deadDrainingJob)).toBeNull();
    expect(await lockOf(aliveJob)).toBe(poolIdForNode(alive));
    // Released, the job is runnable at once: nothing but its lock was holding it.
    const [runnable] = await db.execute<{ runnable: boolean }>(sql`
      select locked_at is null and run_at <= now() and attempts < max_attempts as runnable from graphile_worker.jobs where key = ${deadJob}`);
    expect(runnable!.runnable).toBe(true);
  });

  it("is safe to run from many nodes at once: each silent node is marked down once", async () => {
    const nodeIds = await Promise.all([newNode(), newNode(), newNode()]);
    for (const nodeId of nodeIds) await ageHeartbeat(nodeId, 60);
    const jobs = await Promise.all(nodeIds.map((nodeId) => jobLockedBy(nodeId)));

    const sweeps = await Promise.all(Array.from({ length: 6 }, () => markDownNodes({ olderThanSeconds: 30 })));

    const marked = sweeps.flat().map((node) => node.id).filter((id) => nodeIds.includes(id));
    expect(new Set(marked).size, "a node was marked down by two sweeps").toBe(marked.length);
    for (const nodeId of nodeIds) expect((await nodeRow(nodeId)).status).toBe("down");
    for (const key of jobs) expect(await lockOf(key)).toBeNull();
  });

  it("brings a node that was marked down back when it heartbeats again", async () => {
    const nodeId = await newNode();
    await ageHeartbeat(nodeId, 40);
    await markDownNodes({ olderThanSeconds: 30 });
    expect((await nodeRow(nodeId)).status).toBe("down");

    expect(await heartbeat(nodeId, { messagesLastMinute: 3, messagesTotal: 10 })).toEqual({ disabled: false, wasMarkedDown: true });
    expect(await nodeRow(nodeId)).toMatchObject({ status: "active", messagesLastMinute: 3 });
    expect(await heartbeat(nodeId, { messagesLastMinute: 3, messagesTotal: 10 })).toEqual({ disabled: false, wasMarkedDown: false });

    // Disabled while it was down: it comes back draining.
    await ageHeartbeat(nodeId, 40);
    await markDownNodes({ olderThanSeconds: 30 });
    await disableNode({ nodeId });
    expect(await heartbeat(nodeId, { messagesLastMinute: 0, messagesTotal: 10 })).toEqual({ disabled: true, wasMarkedDown: true });
    expect((await nodeRow(nodeId)).status).toBe("draining");
  });
});

describe("instance administrators", () => {
  let admin: { id: string; email: string; name: string };

  beforeAll(async () => {
    const { user } = await getAuth().api.signUpEmail({ body: { email: ADMIN_EMAIL, password: TEST_PASSWORD, name: "Instance Admin" } });
    admin = { id: user.id, email: user.email, name: user.name };
  });

  it("are the people in HERALD_ADMIN_EMAILS (any case, any spacing), whatever their workspaces", async () => {
    expect(await isInstanceAdmin({ userId: admin.id, email: admin.email })).toBe(true);
    const { owner } = await createTestWorkspace();
    expect(await isInstanceAdmin({ userId: owner.id, email: owner.email })).toBe(false);
  });

  it("without HERALD_ADMIN_EMAILS, are the owners of the oldest workspace and nobody else", async () => {
    const [oldest] = await db.select({ id: workspaces.id }).from(workspaces).orderBy(workspaces.createdAt, workspaces.id).limit(1);
    const members = await db.select().from(workspaceMembers).where(eq(workspaceMembers.workspaceId, oldest!.id));
    const owner = members.find((member) => member.role === "owner")!;
    expect(await isInstanceAdmin({ userId: owner.userId, email: "whoever@example.test" }, { adminEmails: undefined })).toBe(true);

    const { owner: newer } = await createTestWorkspace();
    expect(await isInstanceAdmin({ userId: newer.id, email: newer.email }, { adminEmails: undefined })).toBe(false);
    // A viewer of the oldest workspace is not its owner.
    const viewer = await createTestUser("Oldest viewer");
    await db.insert(workspaceMembers).values({ workspaceId: oldest!.id, userId: viewer.id, role: "viewer" });
    expect(await isInstanceAdmin({ userId: viewer.id, email: viewer.email }, { adminEmails: undefined })).toBe(false);
    await db.delete(workspaceMembers).where(eq(workspaceMembers.userId, viewer.id));
  });

  it("can list, disable and enable nodes through the API; everyone else and every API key is FORBIDDEN", async () => {
    const nodeId = await newNode("api-node.internal");
    const caller = callerFor(admin);
    expect((await caller.nodes.list()).find((node) => node.id === nodeId)).toMatchObject({ host: "api-node.internal", status: "active" });
    expect((await caller.nodes.disable({ nodeId })).disabledAt).toBeInstanceOf(Date);
    expect((await nodeRow(nodeId)).disabledAt).toBeInstanceOf(Date);
    await caller.nodes.enable({ nodeId });
    expect((await nodeRow(nodeId)).disabledAt).toBeNull();

    const { workspace, owner } = await createTestWorkspace();
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["send", "contacts:read"]);
    const keyCaller = await callerFromHeaders({ authorization: `Bearer ${secret}` });
    for (const outsider of [callerFor(owner, workspace.id), keyCaller]) {
      await expect(outsider.nodes.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(outsider.nodes.disable({ nodeId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(outsider.nodes.enable({ nodeId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(callerFor(null).nodes.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await nodeRow(nodeId)).disabledAt).toBeNull();
  });
});
