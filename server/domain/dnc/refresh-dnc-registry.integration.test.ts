import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { and, eq, sql } from "drizzle-orm";
import type { JobHelpers } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dncNumbers, dncRegistries } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { filterSendable } from "@/server/domain/suppressions/filter-sendable";
import { fetchPublicUrl, publicOnlyLookup, UrlRefusedError } from "@/server/net/fetch-public-url";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { createTestWorkspace, callerFor, TEST_PASSWORD, createTestApiKey } from "@/server/testing/fixtures";
import { signInCookie } from "@/server/testing/auth-http";
import { withSystemMailQueue } from "@/server/testing/system-mail";
import { POST as uploadNumbers } from "@/app/api/v1/dnc/[registryId]/numbers/route";
import { refresh as refreshTask } from "@/worker/tasks/dnc/refresh";
import { queueDueDncRefreshes } from "./queue-dnc-refreshes";
import { refreshDncRegistry } from "./refresh-dnc-registry";

// The lists below are served from 127.0.0.1, which Herald refuses to fetch from unless told otherwise.
process.env.HERALD_ALLOW_PRIVATE_URLS = "1";

/** HK mobile numbers 9000 0000 + i, in a mix of the ways registers publish them. */
const hkNumber = (i: number) => `+852${91000000 + i}`;
const listFile = (from: number, count: number) => {
  const lines = ["phone_number,registered_on", "# Unsolicited Electronic Messages register, Hong Kong"];
  for (let i = from; i < from + count; i++) {
    const n = String(91000000 + i);
    lines.push(i % 3 === 0 ? `${hkNumber(i)},2024-01-01` : i % 3 === 1 ? `"${n.slice(0, 4)} ${n.slice(4)}"` : `852${n}`);
  }
  return `${lines.join("\r\n")}\r\n`;
};

const V1 = `${listFile(0, 1000)}${hkNumber(5)}\nnot a number\n+8613800138000\n\n`; // a duplicate and two bad lines
const V2 = listFile(500, 900);

let server: Server;
let base: string;
let releaseSlow: (() => void) | null = null;

const send = (res: ServerResponse, body: string | Buffer, headers: Record<string, string> = {}) => {
  res.writeHead(200, { "content-type": "text/plain", ...headers });
  res.end(body);
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/v1") return send(res, V1);
    if (path === "/v2") return send(res, V2);
    if (path === "/v2.gz") return send(res, gzipSync(V2), { "content-encoding": "gzip" });
    if (path === "/moved") {
      res.writeHead(302, { location: "/v2" });
      return res.end();
    }
    if (path === "/shrunk") return send(res, listFile(0, 100));
    if (path === "/html") return send(res, `<!doctype html>\n<html>\n<body>\n<h1>Maintenance</h1>\n+852 9100 0001\n<p>Back at 10:00</p>\n</body>\n</html>\n`);
    if (path === "/error") {
      res.writeHead(500, { "content-type": "text/plain" });
      return res.end("oops");
    }
    if (path === "/half") {
      // Announces the whole file, sends half of it, then the connection drops.
      const body = Buffer.from(V2);
      res.writeHead(200, { "content-type": "text/plain", "content-length": String(body.length) });
      res.write(body.subarray(0, body.length / 2), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    if (path === "/half-chunked") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write(V2.slice(0, V2.length / 2), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    if (path === "/stall") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write(V2.slice(0, 1000));
      return; // and never finishes
    }
    if (path === "/slow") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write(V2.slice(0, 1000));
      releaseSlow = () => res.end(V2.slice(1000));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const newRegistry = async (path: string | null, extra: Partial<typeof dncRegistries.$inferInsert> = {}) => {
  const { workspace, owner } = await createTestWorkspace();
  const [registry] = await db
    .insert(dncRegistries)
    .values({ workspaceId: workspace.id, country: "HK", name: "HK UEMS", sourceUrl: path ? `${base}${path}` : null, ...extra })
    .returning();
  return { workspaceId: workspace.id, owner, registryId: registry!.id };
};

const state = async (registryId: string) => {
  const [registry] = await db.select().from(dncRegistries).where(eq(dncRegistries.id, registryId));
  const generations = await db
    .select({ generation: dncNumbers.generation, n: sql<number>`count(*)::int` })
    .from(dncNumbers)
    .where(eq(dncNumbers.registryId, registryId))
    .groupBy(dncNumbers.generation)
    .orderBy(dncNumbers.generation);
  return { registry: registry!, generations };
};

const setUrl = (registryId: string, path: string) => db.update(dncRegistries).set({ sourceUrl: `${base}${path}` }).where(eq(dncRegistries.id, registryId));

describe("refreshDncRegistry from a URL", () => {
  it("loads a list (CSV, national and international forms, header, comments), then replaces it with the next", async () => {
    const { workspaceId, registryId } = await newRegistry("/v1");
    const first = await refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" } });
    expect(first).toMatchObject({
      ok: true,
      generation: 1,
      numberCount: 1000,
      previousCount: 0,
      invalidLines: 2,
      invalidSamples: [
        { line: 1004, value: "not a number", reason: "not a valid phone number" },
        { line: 1005, value: "+8613800138000", reason: "a China number, not Hong Kong" },
      ],
    });
    let { registry, generations } = await state(registryId);
    expect(registry).toMatchObject({ activeGeneration: 1, numberCount: 1000, lastError: null });
    expect(registry.lastRefreshedAt).toBeInstanceOf(Date);
    expect(generations).toEqual([{ generation: 1, n: 1000 }]);

    await setUrl(registryId, "/moved"); // a redirect to v2
    const second = await refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" } });
    expect(second).toMatchObject({ ok: true, generation: 2, numberCount: 900, previousCount: 1000, invalidLines: 0 });
    ({ registry, generations } = await state(registryId));
    expect(registry).toMatchObject({ activeGeneration: 2, numberCount: 900 });
    expect(generations).toEqual([{ generation: 2, n: 900 }]);

    await setUrl(registryId, "/v2.gz");
    expect(await refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" } })).toMatchObject({ ok: true, generation: 3, numberCount: 900 });
  });

  it("applies the list in force to SMS marketing, and answers lookups from it", async () => {
    const { workspaceId, owner, registryId } = await newRegistry("/v1");
    const [listed, free] = await insertTestContacts(workspaceId, [
      { phone: hkNumber(7), phoneCountry: "HK", smsStatus: "subscribed" },
      { phone: hkNumber(5000), phoneCountry: "HK", smsStatus: "subscribed" },
    ]);
    expect((await filterSendable({ workspaceId, channel: "sms", contactIds: [listed!.id, free!.id] })).blocked).toEqual([]);
    await refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" } });
    expect(await filterSendable({ workspaceId, channel: "sms", contactIds: [listed!.id, free!.id] })).toEqual({
      sendable: [free!.id],
      blocked: [{ contactId: listed!.id, reason: "dnc" }],
    });

    const caller = callerFor(owner, workspaceId);
    expect(await caller.dnc.lookup({ phone: "9100 0007", country: "HK" })).toMatchObject({ e164: hkNumber(7), country: "HK", listed: true, registry: { id: registryId } });
    expect(await caller.dnc.lookup({ phone: "+852 9100 5000" })).toMatchObject({ listed: false, registry: { numberCount: 1000 } });
    expect(await caller.dnc.lookup({ phone: "+853 6612 3456" })).toMatchObject({ country: "MO", listed: false, registry: null });
    await expect(caller.dnc.lookup({ phone: "12" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it.each([
    ["/half", "The connection was cut before the whole list arrived", true],
    ["/half-chunked", "The connection was cut before the whole list arrived", true],
    ["/error", "The server answered HTTP 500 Internal Server Error", true],
    ["/html", "does not look like the right file", false],
    ["/shrunk", "The new list has 100 numbers, less than half of the 1,000 in force", false],
    ["/nowhere", "The server answered HTTP 404 Not Found", false],
  ])("keeps the old list and its count when %s fails, recording why", async (path, message, retryable) => {
    const { workspaceId, registryId } = await newRegistry("/v1");
    await refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" } });
    const before = await state(registryId);

    await setUrl(registryId, path);
    const result = await refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" } });

    expect(result).toMatchObject({ ok: false, error: expect.stringContaining(message), retryable, numberCount: 1000 });
    const after = await state(registryId);
    expect(after.generations).toEqual([{ generation: 1, n: 1000 }]);
    expect(after.registry).toMatchObject({ activeGeneration: 1, numberCount: 1000, lastRefreshedAt: before.registry.lastRefreshedAt });
    expect(after.registry.lastError).toContain(message);
    expect(after.registry.lastAttemptAt!.getTime()).toBeGreaterThan(before.registry.lastAttemptAt!.getTime());

    // The next good refresh clears the error.
    await setUrl(registryId, "/v2");
    expect(await refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" } })).toMatchObject({ ok: true, generation: 2 });
    expect((await state(registryId)).registry.lastError).toBeNull();
  });

  it("accepts a shrunken list when forced, and gives up on a download that stalls", async () => {
    const { workspaceId, registryId } = await newRegistry("/v1");
    await refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" } });
    await setUrl(registryId, "/shrunk");
    expect(await refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" }, force: true })).toMatchObject({ ok: true, numberCount: 100 });

    await setUrl(registryId, "/stall");
    const stalled = await refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" }, timeoutMs: 300 });
    expect(stalled).toMatchObject({ ok: false, error: "The download took too long and was stopped", numberCount: 100 });
    expect((await state(registryId)).generations).toEqual([{ generation: 2, n: 100 }]);
  });

  it("runs one refresh of a register at a time, and cleans up what an interrupted one left", async () => {
    const { workspaceId, registryId } = await newRegistry("/slow");
    // Rows of a generation that never went into force (a process that died mid-load).
    await db.insert(dncNumbers).values([{ registryId, generation: 1, phone: hkNumber(1) }]);
    const slow = refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" } });
    await expect.poll(() => releaseSlow !== null).toBe(true);
    await expect(refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    releaseSlow!();
    releaseSlow = null;
    expect(await slow).toMatchObject({ ok: true, generation: 1, numberCount: 900 });
    expect((await state(registryId)).generations).toEqual([{ generation: 1, n: 900 }]);
  });

  it("refuses private addresses unless HERALD_ALLOW_PRIVATE_URLS=1, and anything but http(s)", async () => {
    await expect(fetchPublicUrl(`${base}/v1`, { allowPrivate: false })).rejects.toThrow(UrlRefusedError);
    await expect(fetchPublicUrl(`${base.replace("127.0.0.1", "localhost")}/v1`, { allowPrivate: false })).rejects.toThrow(
      /private network/,
    );
    await expect(fetchPublicUrl("http://[::1]:9/x", { allowPrivate: false })).rejects.toThrow(UrlRefusedError);
    await expect(fetchPublicUrl("http://169.254.169.254/latest/meta-data", { allowPrivate: false })).rejects.toThrow(UrlRefusedError);
    await expect(fetchPublicUrl("file:///etc/passwd")).rejects.toThrow("Only http:// and https:// URLs can be fetched");
    // A name is checked by what it resolves to, when the socket connects (localhost resolves from /etc/hosts, no network).
    const resolved = await new Promise<unknown>((resolve) => publicOnlyLookup("localhost", {}, (error) => resolve(error)));
    expect(resolved).toBeInstanceOf(UrlRefusedError);
    expect(String(resolved)).toMatch(/localhost resolves to a private address/);
  });
});

describe("uploading numbers", () => {
  it("streams an uploaded file through the same load, with the same refusals", async () => {
    const { workspaceId, registryId } = await newRegistry(null);
    const chunks = async function* () {
      // Split mid-line and between \r and \n on purpose.
      const text = listFile(0, 300);
      for (let i = 0; i < text.length; i += 777) yield new TextEncoder().encode(text.slice(i, i + 777));
    };
    expect(await refreshDncRegistry({ workspaceId, registryId, source: { kind: "upload", body: chunks() } })).toMatchObject({
      ok: true,
      numberCount: 300,
      invalidLines: 0,
    });
    await expect(refreshDncRegistry({ workspaceId, registryId, source: { kind: "url" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("POST /api/v1/dnc/{id}/numbers takes the file as the body from a signed-in editor", async () => {
    const { workspaceId, owner, registryId } = await newRegistry(null);
    const cookie = await signInCookie(owner.email, TEST_PASSWORD);
    const post = (body: string, headers: Record<string, string>, query = "") =>
      uploadNumbers(new Request(`http://localhost:3999/api/v1/dnc/${registryId}/numbers${query}`, { method: "POST", headers, body }), {
        params: Promise.resolve({ registryId }),
      });

    const ok = await post(listFile(0, 50), { cookie, "x-herald-workspace": workspaceId });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, numberCount: 50 });

    const refused = await post("hello\nworld\n", { cookie, "x-herald-workspace": workspaceId });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ ok: false, error: expect.stringContaining("no valid Hong Kong numbers"), numberCount: 50 });

    const other = await createTestWorkspace();
    const elsewhere = await post(listFile(0, 10), { cookie: await signInCookie(other.owner.email, TEST_PASSWORD), "x-herald-workspace": other.workspace.id });
    expect(elsewhere.status).toBe(404);
    const { secret } = await createTestApiKey(workspaceId, owner.id, ["contacts:write"]);
    const byKey = await post(listFile(0, 10), { authorization: `Bearer ${secret}` });
    expect(byKey.status).toBe(403);
    expect((await state(registryId)).registry.numberCount).toBe(50);
  });
});

describe("scheduled refreshes", () => {
  const helpers = { logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } } as unknown as JobHelpers;

  it("the hourly enqueuer queues only registers whose interval has passed, once each", async () => {
    const hour = 60 * 60 * 1000;
    const now = new Date();
    const ago = (hours: number) => new Date(now.getTime() - hours * hour);
    const due = await newRegistry("/v1", { refreshIntervalHours: 24, lastRefreshedAt: ago(25), lastAttemptAt: ago(25) });
    const neverLoaded = await newRegistry("/v1", { refreshIntervalHours: 24 });
    const fresh = await newRegistry("/v1", { refreshIntervalHours: 24, lastRefreshedAt: ago(2), lastAttemptAt: ago(2) });
    const failedRecently = await newRegistry("/v1", { refreshIntervalHours: 24, lastRefreshedAt: ago(30), lastAttemptAt: ago(1) });
    const noSchedule = await newRegistry("/v1", { lastRefreshedAt: ago(1000) });
    const noUrl = await newRegistry(null, { refreshIntervalHours: 1 });

    await withSystemMailQueue(async () => {
      try {
        const queued = (await queueDueDncRefreshes({ now })).map((job) => job.registryId);
        expect(queued).toEqual(expect.arrayContaining([due.registryId, neverLoaded.registryId]));
        for (const skipped of [fresh, failedRecently, noSchedule, noUrl]) expect(queued).not.toContain(skipped.registryId);
        await queueDueDncRefreshes({ now }); // the next hour's run while the first jobs still wait
        const jobs = await db.execute<{ key: string; n: number }>(sql`
          select key, count(*)::int as n from graphile_worker.jobs
          where task_identifier = 'dnc/refresh' and key in (${`dnc-refresh:${due.registryId}`}, ${`dnc-refresh:${neverLoaded.registryId}`})
          group by key`);
        expect(jobs.map((job) => job.n)).toEqual([1, 1]);
      } finally {
        // Nobody else's worker may run these: remove them before letting go of the queue.
        await db.execute(sql`select graphile_worker.remove_job(key) from graphile_worker.jobs where task_identifier = 'dnc/refresh'`);
      }
    });

    // What the worker does with the job (called directly rather than through a shared worker run).
    await refreshTask({ workspaceId: due.workspaceId, registryId: due.registryId }, helpers);
    expect((await state(due.registryId)).registry).toMatchObject({ numberCount: 1000, activeGeneration: 1 });
    await setUrl(due.registryId, "/error");
    await expect(refreshTask({ workspaceId: due.workspaceId, registryId: due.registryId }, helpers)).rejects.toThrow("HTTP 500");
    await setUrl(due.registryId, "/shrunk");
    await expect(refreshTask({ workspaceId: due.workspaceId, registryId: due.registryId }, helpers)).resolves.toBeUndefined();
    expect((await state(due.registryId)).registry.numberCount).toBe(1000);
  });

  it("dnc.refresh queues the same job for a person, and manages registers per workspace", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const caller = callerFor(owner, workspace.id);
    const registry = await caller.dnc.create({ country: "hk", name: "Hong Kong UEMS", sourceUrl: `${base}/v1`, refreshIntervalHours: 24 });
    expect(registry).toMatchObject({ country: "HK", refreshIntervalHours: 24 });
    await expect(caller.dnc.create({ country: "HK", name: "Again" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This workspace already has a Do-Not-Call register for Hong Kong",
    });
    await expect(caller.dnc.create({ country: "XX", name: "Nowhere" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.dnc.create({ country: "MO", name: "Macau", refreshIntervalHours: 12 })).rejects.toMatchObject({
      message: "Automatic refreshes need a source URL to download from",
    });
    await expect(caller.dnc.update({ registryId: registry.id, sourceUrl: "ftp://example.com/list" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Only http:// and https:// URLs can be fetched"),
    });
    expect(await caller.dnc.update({ registryId: registry.id, name: "UEMS", refreshIntervalHours: null })).toMatchObject({
      name: "UEMS",
      refreshIntervalHours: null,
      sourceUrl: `${base}/v1`,
    });

    await withSystemMailQueue(async () => {
      try {
        expect(await caller.dnc.refresh({ registryId: registry.id })).toEqual({ queued: true });
        const [listed] = await caller.dnc.list();
        expect(listed).toMatchObject({ id: registry.id, countryName: "Hong Kong", refreshPending: true, numberCount: 0 });
      } finally {
        await db.execute(sql`select graphile_worker.remove_job(${`dnc-refresh:${registry.id}`})`);
      }
    });
    expect((await caller.dnc.list())[0]!.refreshPending).toBe(false);

    await caller.dnc.delete({ registryId: registry.id });
    expect(await caller.dnc.list()).toEqual([]);
    expect(await db.select().from(dncRegistries).where(and(eq(dncRegistries.workspaceId, workspace.id)))).toEqual([]);
  });

  it("keeps each workspace's registers to itself", async () => {
    const theirs = await newRegistry("/v1");
    await refreshDncRegistry({ workspaceId: theirs.workspaceId, registryId: theirs.registryId, source: { kind: "url" } });
    const mine = await createTestWorkspace();
    const caller = callerFor(mine.owner, mine.workspace.id);
    expect(await caller.dnc.list()).toEqual([]);
    expect(await caller.dnc.lookup({ phone: hkNumber(7) })).toMatchObject({ listed: false, registry: null });
    for (const attempt of [
      () => caller.dnc.update({ registryId: theirs.registryId, name: "Mine now" }),
      () => caller.dnc.refresh({ registryId: theirs.registryId }),
      () => caller.dnc.delete({ registryId: theirs.registryId }),
      () => refreshDncRegistry({ workspaceId: mine.workspace.id, registryId: theirs.registryId, source: { kind: "url" } }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await state(theirs.registryId)).registry).toMatchObject({ name: "HK UEMS", numberCount: 1000 });
  });
});
