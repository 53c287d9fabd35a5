import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSendableWorkspace } from "@/server/domain/campaigns/campaign-fixtures";
import type { JourneyNodeOf } from "@/server/domain/journeys/journey-definition";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { seedJourneyRuns, stepInput, stepItems } from "../../sends/journey-send-fixtures";
import { verifyWebhookSignature } from "../../webhook/webhook-signature";
import type { StepOutcome } from "../step-types";
import { createWebhookExecutor, webhookExecutor } from "./webhook";

const contextOf = (outcome: StepOutcome) => ("context" in outcome ? outcome.context : undefined);

type Received = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

let server: http.Server;
let port: number;
const received: Received[] = [];
let answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => res.end("ok");

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  answer = (_req, res) => res.end("ok");
});

const webhookNode = (url: string, timeoutMs = 5_000): JourneyNodeOf<"webhook"> => ({
  id: "hook-1",
  type: "webhook",
  position: { x: 0, y: 0 },
  config: { url, method: "POST", timeoutMs },
});

const seed = async (context: Record<string, unknown> = { cart_id: "C-7" }) => {
  const ws = await createSendableWorkspace({ size: 0 });
  const [contact] = await insertTestContacts(ws.workspaceId, [{ email: `hook-${ws.workspaceId.slice(0, 8)}@example.com`, emailStatus: "subscribed" }]);
  const { journey, states } = await seedJourneyRuns({ workspaceId: ws.workspaceId, contactIds: [contact!.id], nodeId: "hook-1", name: "Cart follow-up", context });
  return { journey, state: states[0]!, items: await stepItems(states), contact: contact! };
};

const local = createWebhookExecutor({ allowLoopback: true });
const strict = createWebhookExecutor({ allowLoopback: false });

describe("webhook executor", () => {
  it("POSTs the run as JSON, signed with the journey's secret, with a delivery id per step, and moves on after a 2xx", async () => {
    const { journey, state, items, contact } = await seed();
    const now = new Date();
    const outcomes = await local(stepInput(journey, webhookNode(`http://127.0.0.1:${port}/hooks/herald?x=1`), items, now));
    expect(outcomes.get(state.id)).toMatchObject({ kind: "next", handle: "next", outcome: "called", detail: { status: 200 } });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request).toMatchObject({ method: "POST", url: "/hooks/herald?x=1" });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["x-herald-delivery"]).toBe(`${state.id}-hook-1-1`);
    expect(verifyWebhookSignature(journey.webhookSecret, request!.body, String(request!.headers["x-herald-signature"]))).toBe(true);
    expect(verifyWebhookSignature("another secret", request!.body, String(request!.headers["x-herald-signature"]))).toBe(false);
    expect(verifyWebhookSignature(journey.webhookSecret, request!.body.replace("C-7", "C-8"), String(request!.headers["x-herald-signature"]))).toBe(false);
    expect(JSON.parse(request!.body)).toEqual({
      journey: { id: journey.id, name: "Cart follow-up" },
      node: { id: "hook-1" },
      contact: { id: contact.id, email: contact.email, phone: null, attributes: {} },
      event: { cart_id: "C-7" },
      sentAt: now.toISOString(),
    });
  });

  it("a 500 is retried after 30 s with the attempt counted in the run's context; the retry's 200 moves on and clears the count", async () => {
    const { journey, state, items } = await seed();
    const node = webhookNode(`http://127.0.0.1:${port}/flaky`);
    answer = (_req, res) => {
      res.statusCode = 500;
      res.end("oops");
    };
    const now = new Date("2026-06-15T10:00:00Z");
    const first = (await local(stepInput(journey, node, items, now))).get(state.id)!;
    expect(first).toMatchObject({ kind: "retry", at: new Date("2026-06-15T10:00:30Z"), outcome: "retrying", detail: { status: 500, attempts: 1 } });
    expect(contextOf(first)).toMatchObject({ cart_id: "C-7", _herald: { webhookAttempts: { "hook-1": 1 } } });

    answer = (_req, res) => res.end("ok");
    const retried = [{ ...items[0]!, context: contextOf(first)! }];
    const second = (await local(stepInput(journey, node, retried, new Date("2026-06-15T10:00:31Z")))).get(state.id)!;
    expect(second).toMatchObject({ kind: "next", outcome: "called" });
    expect(contextOf(second)).toEqual({ cart_id: "C-7", _herald: {} });
    expect(received).toHaveLength(2);
    // The same delivery id both times, so the receiver can tell a retry from a new call.
    expect(received[0]!.headers["x-herald-delivery"]).toBe(received[1]!.headers["x-herald-delivery"]);
  });

  it("backs off 30 s, 2 min, 10 min, 1 h, 6 h, then fails the step and moves on", async () => {
    const { journey, state, items } = await seed();
    const node = webhookNode(`http://127.0.0.1:${port}/down`);
    answer = (_req, res) => {
      res.statusCode = 503;
      res.end();
    };
    const now = new Date("2026-06-15T10:00:00Z");
    let item = items[0]!;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const outcome = (await local(stepInput(journey, node, [item], now))).get(state.id)!;
      expect(outcome.kind).toBe("retry");
      waits.push(((outcome as { at: Date }).at.getTime() - now.getTime()) / 1000);
      item = { ...item, context: contextOf(outcome)! };
    }
    expect(waits).toEqual([30, 120, 600, 3600, 21_600]);
    const last = (await local(stepInput(journey, node, [item], now))).get(state.id)!;
    expect(last).toMatchObject({ kind: "next", handle: "next", outcome: "failed", detail: { status: 503, attempts: 6 } });
    expect(received).toHaveLength(6);
  });

  it("other 4xx fail at once and move on; 429 and 408 retry", async () => {
    const { journey, state, items } = await seed();
    const node = webhookNode(`http://127.0.0.1:${port}/status`);
    for (const [status, kind] of [[404, "next"], [400, "next"], [429, "retry"], [408, "retry"]] as const) {
      answer = (_req, res) => {
        res.statusCode = status;
        res.end();
      };
      expect((await local(stepInput(journey, node, items))).get(state.id), String(status)).toMatchObject({ kind, detail: { status } });
    }
  });

  it("does not follow redirects", async () => {
    const { journey, state, items } = await seed();
    answer = (req, res) => {
      if (req.url === "/moved") {
        res.writeHead(302, { Location: `http://127.0.0.1:${port}/elsewhere` });
        res.end();
      } else res.end("should not be reached");
    };
    const outcome = (await local(stepInput(journey, webhookNode(`http://127.0.0.1:${port}/moved`), items))).get(state.id);
    expect(outcome).toMatchObject({ kind: "next", outcome: "failed", detail: { status: 302 } });
    expect(received.map((r) => r.url)).toEqual(["/moved"]);
  });

  it("honours the node's timeout: a receiver that never answers is given up on and retried later", async () => {
    const { journey, state, items } = await seed();
    answer = () => {}; // never answers
    const outcome = (await local(stepInput(journey, webhookNode(`http://127.0.0.1:${port}/slow`, 500), items))).get(state.id);
    expect(outcome).toMatchObject({ kind: "retry", outcome: "retrying", detail: { status: null, reason: "no answer within 500 ms", attempts: 1 } });
  });

  it("refuses private, loopback, link-local and mapped targets, by name and after DNS, calling nothing", async () => {
    const { journey, state, items } = await seed();
    const refused = async (url: string, executor = strict) => (await executor(stepInput(journey, webhookNode(url), items))).get(state.id);
    for (const url of [
      `http://localhost:${port}/`,
      `http://127.0.0.1:${port}/`,
      `http://[::1]:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      "http://169.254.169.254/latest/meta-data",
      "http://10.0.0.1/",
      "http://100.64.0.1/",
      "http://[fe80::1]/",
      "http://0.0.0.0/",
    ]) {
      expect(await refused(url), url).toMatchObject({ kind: "next", handle: "next", outcome: "failed" });
    }
    // Link-local stays refused even where loopback is allowed (local development).
    expect(await refused("http://169.254.169.254/", local)).toMatchObject({ outcome: "failed" });
    // A public-looking name whose DNS answer includes a private address (one is enough).
    const rebinding = createWebhookExecutor({
      allowLoopback: false,
      resolver: async () => [
        { address: "93.184.216.34", family: 4 },
        { address: "10.1.2.3", family: 4 },
      ],
    });
    expect(await refused("https://hooks.example.com/in", rebinding)).toMatchObject({
      outcome: "failed",
      detail: { reason: expect.stringContaining("hooks.example.com resolves to 10.1.2.3") },
    });
    const mapped = createWebhookExecutor({ allowLoopback: false, resolver: async () => [{ address: "::ffff:169.254.169.254", family: 6 }] });
    expect(await refused("https://metadata.example.com/", mapped)).toMatchObject({ outcome: "failed" });
    expect(received).toHaveLength(0);
  });

  it("resolves once and connects to the checked address (no second lookup), keeping the URL's host in the Host header", async () => {
    const { journey, items } = await seed();
    const more = [items[0]!, { ...items[0]!, stateId: items[0]!.stateId + 1_000_000 }, { ...items[0]!, stateId: items[0]!.stateId + 2_000_000 }];
    let lookups = 0;
    const pinned = createWebhookExecutor({
      allowLoopback: true,
      resolver: async () => {
        lookups++;
        return [{ address: "127.0.0.1", family: 4 }];
      },
    });
    const outcomes = await pinned(stepInput(journey, webhookNode(`http://hooks.example.test:${port}/in`), more));
    expect([...outcomes.values()].map((o) => o.outcome)).toEqual(["called", "called", "called"]);
    expect(lookups).toBe(1);
    expect(received.map((r) => r.headers.host)).toEqual(Array(3).fill(`hooks.example.test:${port}`));
    // A name that does not resolve is a temporary failure: retried.
    const nxdomain = createWebhookExecutor({ resolver: async () => Promise.reject(Object.assign(new Error("not found"), { code: "ENOTFOUND" })) });
    expect((await nxdomain(stepInput(journey, webhookNode("https://gone.example.com/"), items))).get(items[0]!.stateId)).toMatchObject({ kind: "retry" });
  });

  it("the registered executor calls localhost only with HERALD_WEBHOOK_ALLOW_PRIVATE=1 (tests, local development)", async () => {
    const { journey, state, items } = await seed();
    const node = webhookNode(`http://localhost:${port}/local`);
    const previous = process.env.HERALD_WEBHOOK_ALLOW_PRIVATE;
    try {
      delete process.env.HERALD_WEBHOOK_ALLOW_PRIVATE;
      expect((await webhookExecutor(stepInput(journey, node, items))).get(state.id)).toMatchObject({ outcome: "failed", detail: { reason: expect.stringContaining("localhost") } });
      expect(received).toHaveLength(0);
      process.env.HERALD_WEBHOOK_ALLOW_PRIVATE = "1";
      expect((await webhookExecutor(stepInput(journey, node, items))).get(state.id)).toMatchObject({ outcome: "called" });
      expect(received.map((r) => r.headers.host)).toEqual([`localhost:${port}`]);
    } finally {
      if (previous === undefined) delete process.env.HERALD_WEBHOOK_ALLOW_PRIVATE;
      else process.env.HERALD_WEBHOOK_ALLOW_PRIVATE = previous;
    }
  });
});
