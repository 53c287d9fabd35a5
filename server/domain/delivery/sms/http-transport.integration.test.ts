import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSmsTransport } from "./http-transport";

process.env.HERALD_ALLOW_PRIVATE_URLS = "1";

type Received = { headers: http.IncomingHttpHeaders; body: Record<string, unknown> };
const received: Received[] = [];
let answer: (body: Record<string, unknown>) => { status: number; body?: string; hang?: boolean } = () => ({ status: 200, body: "{}" });
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      received.push({ headers: request.headers, body });
      const reply = answer(body);
      if (reply.hang) return;
      response.writeHead(reply.status, { "content-type": "application/json" }).end(reply.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("HTTP SMS transport against a local server", () => {
  it("POSTs {to, from, text} with the route's headers and classifies each answer", async () => {
    answer = (body) => {
      const to = String(body.to);
      if (to.endsWith("1")) return { status: 202, body: JSON.stringify({ id: "prov-1" }) };
      if (to.endsWith("2")) return { status: 429, body: "slow down" };
      if (to.endsWith("3")) return { status: 503 };
      if (to.endsWith("4")) return { status: 400, body: '{"error":"bad number"}' };
      if (to.endsWith("5")) return { status: 200, hang: true };
      return { status: 200, body: JSON.stringify({ messageId: 77 }) };
    };
    const transport = new HttpSmsTransport({ kind: "http", url, headers: { Authorization: "Bearer k-123" }, sourceAddr: "Herald" }, { name: "test", timeoutMs: 500 });
    const results = await transport.submit(["1", "2", "3", "4", "5", "6"].map((n) => ({ id: `m${n}`, to: `+85291230${n.padStart(3, "0")}`, text: `Hi ${n}` })));
    expect(results).toEqual([
      { ok: true, providerId: "prov-1", parts: 1 },
      { ok: false, retryable: true, reason: "The SMS provider answered HTTP 429: slow down" },
      { ok: false, retryable: true, reason: "The SMS provider answered HTTP 503" },
      { ok: false, retryable: false, reason: 'The SMS provider answered HTTP 400: {"error":"bad number"}' },
      { ok: false, retryable: true, reason: "Could not reach the SMS provider: timed out" },
      { ok: true, providerId: "77", parts: 1 },
    ]);
    const first = received.find((r) => r.body.to === "+85291230001")!;
    expect(first.body).toEqual({ to: "+85291230001", from: "Herald", text: "Hi 1" });
    expect(first.headers).toMatchObject({ authorization: "Bearer k-123", "content-type": "application/json" });
  });

  it("a provider that is not listening is retryable", async () => {
    const transport = new HttpSmsTransport({ kind: "http", url: "http://127.0.0.1:1/sms", headers: {}, sourceAddr: "Herald" }, { name: "test" });
    const [result] = await transport.submit([{ id: "m", to: "+85291230001", text: "Hi" }]);
    expect(result).toMatchObject({ ok: false, retryable: true, reason: expect.stringContaining("Could not reach the SMS provider") });
  });
});
