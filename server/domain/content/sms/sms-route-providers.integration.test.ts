import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsRoutes } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { createSmsRoute } from "./create-sms-route";
import { closeSmsTransports } from "@/server/domain/delivery/sms/sms-transports";
import { addTestMember, callerFor, createTestWorkspace } from "@/server/testing/fixtures";
import { startSmppPeer, type SmppPeer } from "@/server/testing/smpp-peer";

process.env.HERALD_ALLOW_PRIVATE_URLS = "1";

let peer: SmppPeer;
beforeAll(async () => {
  peer = await startSmppPeer({ systemId: "herald", password: "s3cret" });
});
afterAll(async () => {
  await closeSmsTransports();
  await peer.close();
});

const adminCaller = async () => {
  const { workspace } = await createTestWorkspace();
  const { user } = await addTestMember(workspace.id, "admin");
  return { workspaceId: workspace.id, caller: callerFor(user, workspace.id) };
};

describe("SMS route providers", () => {
  it("stores an SMPP provider, never answers with its password, and keeps it when an update leaves it out", async () => {
    const { caller } = await adminCaller();
    const smpp = { kind: "smpp" as const, host: peer.host, port: peer.port, systemId: "herald", password: "s3cret", sourceAddr: "Herald" };
    const route = await caller.smsRoutes.create({ name: "HK direct", markets: ["HK"], pricePerSegment: 0.05, provider: smpp, throttlePerSecond: 50 });
    expect(route.provider).toEqual({ kind: "smpp", host: peer.host, port: peer.port, systemId: "herald", systemType: "", sourceAddr: "Herald", tls: false, passwordSet: true });
    expect(route.throttlePerSecond).toBe(50);
    expect(JSON.stringify(await caller.smsRoutes.list())).not.toContain("s3cret");

    const { password: _, ...withoutPassword } = smpp;
    const updated = await caller.smsRoutes.update({ routeId: route.id, provider: { ...withoutPassword, sourceAddr: "+85212345678" } });
    expect(updated.provider).toMatchObject({ sourceAddr: "+85212345678", passwordSet: true });
    const [stored] = await db.select({ provider: smsRoutes.provider }).from(smsRoutes).where(eq(smsRoutes.id, route.id));
    expect(stored!.provider).toMatchObject({ password: "s3cret", sourceAddr: "+85212345678" });

    // A real submit through the provider, logged as a test message.
    const sent = await caller.smsRoutes.sendTest({ routeId: route.id, to: "+852 9123 4567", text: "Hello from the test" });
    expect(sent).toMatchObject({ to: "+85291234567", parts: 1, providerId: expect.any(String) });
    expect(peer.messages()).toEqual([expect.objectContaining({ to: "85291234567", text: "Hello from the test", from: "85212345678" })]);
    const [logged] = await db.execute<{ kind: string; external_id: string }>(sql`select kind, external_id from messages where id = ${sent.messageId}`);
    expect(logged).toEqual({ kind: "test", external_id: sent.providerId });

    expect((await caller.smsRoutes.update({ routeId: route.id, provider: null })).provider).toBeNull();
    await expect(caller.smsRoutes.sendTest({ routeId: route.id, to: "+85291234567" })).rejects.toMatchObject({ cause: { fieldErrors: { provider: [expect.stringContaining("Set up")] } } });
  });

  it("names each wrong provider field", async () => {
    const { workspaceId } = await adminCaller();
    const base = { name: "R", markets: ["HK"], pricePerSegment: 0.05 };
    const create = (input: Omit<Parameters<typeof createSmsRoute>[0], "workspaceId">) => createSmsRoute({ workspaceId, ...input });
    await expect(create({ ...base, provider: { kind: "smpp", host: "", systemId: "", sourceAddr: "A name far too long", port: 70000 } as never })).rejects.toMatchObject({
      fieldErrors: {
        "provider.host": [expect.stringContaining("host name")],
        "provider.systemId": [expect.stringContaining("system id")],
        "provider.port": ["The port is 1 to 65535"],
        "provider.sourceAddr": [expect.stringContaining("11 letters")],
      },
    });
    await expect(create({ ...base, provider: { kind: "smpp", host: "smpp.example.com", systemId: "me", sourceAddr: "Herald" } })).rejects.toMatchObject({ fieldErrors: { "provider.password": ["Enter the password your provider gave you"] } });
    await expect(create({ ...base, provider: { kind: "http", url: "ftp://x", sourceAddr: "Herald", headers: { "Content-Type": "x" } } })).rejects.toMatchObject({
      fieldErrors: { "provider.url": [expect.stringContaining("http")], "provider.headers": [expect.stringContaining("set by Herald")] },
    });
    await expect(create({ ...base, provider: { kind: "carrier-pigeon" } as never })).rejects.toMatchObject({ fieldErrors: { "provider.kind": [expect.any(String)] } });
    await expect(create({ ...base, throttlePerSecond: 0 })).rejects.toMatchObject({ fieldErrors: { throttlePerSecond: [expect.stringContaining("at least 1")] } });
  });

  it("keeps HTTP header values write-only", async () => {
    const { caller } = await adminCaller();
    const route = await caller.smsRoutes.create({
      name: "Global",
      markets: ["INTL"],
      pricePerSegment: 0.08,
      provider: { kind: "http", url: "https://sms.example.com/send", headers: { Authorization: "Bearer very-secret" }, sourceAddr: "Herald" },
    });
    expect(route.provider).toEqual({ kind: "http", url: "https://sms.example.com/send", sourceAddr: "Herald", headerNames: ["Authorization"] });
    expect(JSON.stringify(await caller.smsRoutes.list())).not.toContain("very-secret");
    await caller.smsRoutes.update({ routeId: route.id, provider: { kind: "http", url: "https://sms.example.com/v2", sourceAddr: "Herald" } });
    const [stored] = await db.select({ provider: smsRoutes.provider }).from(smsRoutes).where(eq(smsRoutes.id, route.id));
    expect(stored!.provider).toMatchObject({ url: "https://sms.example.com/v2", headers: { Authorization: "Bearer very-secret" } });
  });
});
