import dns from "node:dns";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendingDomains } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { addTestMember, callerFor, callerFromHeaders, createTestApiKey, createTestWorkspace } from "@/server/testing/fixtures";
import { startFakeDnsServer } from "./fake-dns-server";

// The router passes no resolver, so verify uses the process's DNS servers: here a real DNS server on
// loopback whose zone each test writes. node:dns parses real answers and gives its real error codes.
let server: Awaited<ReturnType<typeof startFakeDnsServer>>;
const originalServers = dns.getServers();
beforeAll(async () => {
  server = await startFakeDnsServer();
  dns.setServers([server.address]);
});
afterAll(async () => {
  dns.setServers(originalServers);
  await server.close();
});

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

const privateKeyOf = async (id: string) => (await db.select().from(sendingDomains).where(eq(sendingDomains.id, id)))[0]!.dkimPrivateKey;

describe("sendingDomains router", () => {
  it("admins add, check and delete; the records come back with copyable values; no response ever carries the private key", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const admin = callerFor(owner, workspace.id);
    const responses: unknown[] = [];
    const keep = <T>(value: T) => (responses.push(value), value);

    const created = keep(await admin.sendingDomains.create({ domain: "router.acme.test" }));
    expect(created.records.map((r) => r.name)).toEqual([
      `${created.dkimSelector}._domainkey.router.acme.test`,
      "router.acme.test",
      "_dmarc.router.acme.test",
      "bounces.router.acme.test",
    ]);
    const before = keep(await admin.sendingDomains.records({ domainId: created.id }));
    expect(before.records.every((r) => r.check === null)).toBe(true);

    // Nothing published yet: every record fails with its reason, through real DNS answers (NXDOMAIN).
    const failing = keep(await admin.sendingDomains.verify({ domainId: created.id }));
    expect(failing.status).toBe("failing");
    expect(failing.lastCheckResult!.records.find((r) => r.key === "dkim")).toMatchObject({
      status: "fail",
      reason: expect.stringMatching(/^No TXT record at herald\d{6}[a-z2-9]{4}\._domainkey\.router\.acme\.test yet/),
    });

    // Published the way the records say (the DKIM value is over 255 bytes, so it travels in two strings).
    const dkim = created.records.find((r) => r.key === "dkim")!;
    server.zone.txt.set(dkim.name, [dkim.value]);
    server.zone.txt.set("router.acme.test", ["v=spf1 mx ~all"]);
    server.zone.txt.set("_dmarc.router.acme.test", ["v=DMARC1; p=none"]);
    const verified = keep(await admin.sendingDomains.verify({ domainId: created.id }));
    expect(verified).toMatchObject({ status: "verified", lastCheckResult: { verified: true } });
    expect(verified.lastCheckResult!.records.map((r) => [r.key, r.status])).toEqual([
      ["dkim", "pass"],
      ["spf", "pass"],
      ["dmarc", "pass"],
      ["return_path", "fail"],
    ]);
    const after = keep(await admin.sendingDomains.records({ domainId: created.id }));
    expect(after.records.find((r) => r.key === "dkim")!.check).toMatchObject({ status: "pass", found: [dkim.value] });
    expect(after.records.find((r) => r.key === "return_path")!.check!.reason).toMatch(/No MX record at bounces\.router\.acme\.test/);

    // A DNS server failing is a failed lookup, not a missing key: the domain stays verified.
    server.zone.servfail.add(dkim.name);
    const flaky = keep(await admin.sendingDomains.verify({ domainId: created.id }));
    expect(flaky.status).toBe("verified");
    expect(flaky.lastCheckResult!.records[0]).toMatchObject({ status: "fail", transient: true, reason: expect.stringMatching(/ESERVFAIL/) });
    server.zone.servfail.delete(dkim.name);

    keep(await admin.sendingDomains.list());
    const privateKey = await privateKeyOf(created.id);
    keep(await admin.sendingDomains.delete({ domainId: created.id }));
    expect(await admin.sendingDomains.list()).toEqual([]);

    const everything = JSON.stringify(responses);
    expect(everything).not.toContain("PRIVATE KEY");
    for (const line of privateKey.split("\n").slice(1, -2)) expect(everything).not.toContain(line);
    expect(everything).not.toMatch(/privateKey/i);
  });

  it("viewers and read-scoped API keys may look; only admins change anything", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const created = await callerFor(owner, workspace.id).sendingDomains.create({ domain: "roles.acme.test" });
    const ref = { domainId: created.id };
    const { user: viewer } = await addTestMember(workspace.id, "viewer");
    const { user: editor } = await addTestMember(workspace.id, "editor");
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["templates:read", "templates:write", "send"]);
    const key = await callerFromHeaders({ authorization: `Bearer ${secret}` });

    for (const caller of [callerFor(viewer, workspace.id), callerFor(editor, workspace.id), key]) {
      expect((await caller.sendingDomains.list()).map((d) => d.domain)).toEqual(["roles.acme.test"]);
      expect((await caller.sendingDomains.records(ref)).records).toHaveLength(4);
      expect(await code(caller.sendingDomains.create({ domain: "more.acme.test" }))).toBe("FORBIDDEN");
      expect(await code(caller.sendingDomains.verify(ref))).toBe("FORBIDDEN");
      expect(await code(caller.sendingDomains.delete(ref))).toBe("FORBIDDEN");
    }
    const { secret: noScope } = await createTestApiKey(workspace.id, owner.id, ["contacts:read"]);
    expect(await code((await callerFromHeaders({ authorization: `Bearer ${noScope}` })).sendingDomains.list())).toBe("FORBIDDEN");
    expect(await db.select().from(sendingDomains).where(eq(sendingDomains.workspaceId, workspace.id))).toHaveLength(1);
  });

  it("another workspace cannot see, check or delete a domain, even with its id", async () => {
    const a = await createTestWorkspace();
    const b = await createTestWorkspace();
    const domain = await callerFor(a.owner, a.workspace.id).sendingDomains.create({ domain: "private.acme.test" });
    const dkim = domain.records[0]!;
    server.zone.txt.set(dkim.name, [dkim.value]);

    const intruder = callerFor(b.owner, b.workspace.id);
    expect(await intruder.sendingDomains.list()).toEqual([]);
    // One call at a time: promises made up front would reject while the first is awaited (unhandled).
    for (const attempt of [
      () => intruder.sendingDomains.records({ domainId: domain.id }),
      () => intruder.sendingDomains.verify({ domainId: domain.id }),
      () => intruder.sendingDomains.delete({ domainId: domain.id }),
    ]) {
      expect(await code(attempt())).toBe("NOT_FOUND");
    }
    // B's owner naming A's workspace is refused before anything is looked up.
    expect(await code(callerFor(b.owner, a.workspace.id).sendingDomains.list())).toBe("FORBIDDEN");

    // A's row is untouched: not checked, not verified, not deleted.
    const [row] = await db.select().from(sendingDomains).where(eq(sendingDomains.id, domain.id));
    expect(row).toMatchObject({ lastCheckedAt: null, verifiedAt: null, domain: "private.acme.test" });
    // And B adding the same domain gets its own key, which A's published record does not verify.
    const theirs = await intruder.sendingDomains.create({ domain: "private.acme.test" });
    server.zone.txt.set(theirs.records[0]!.name, [domain.records[0]!.value]);
    const checked = await intruder.sendingDomains.verify({ domainId: theirs.id });
    expect(checked.status).toBe("failing");
    expect(checked.lastCheckResult!.records[0]!.reason).toMatch(/is not this domain's key/);
  });
});
