import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSmppPeer, type SmppPeer } from "@/server/testing/smpp-peer";
import { SmppTransport } from "./smpp-transport";
import type { SmsReceipt } from "./sms-transport";

process.env.HERALD_ALLOW_PRIVATE_URLS = "1";

let peer: SmppPeer;
let transport: SmppTransport | null = null;
beforeEach(async () => {
  peer = await startSmppPeer();
});
afterEach(async () => {
  await transport?.close();
  transport = null;
  await peer.close();
});

const connect = (overrides: { password?: string; onReceipts?: (r: SmsReceipt[]) => Promise<{ unmatched: string[] }> } = {}) =>
  (transport = new SmppTransport(
    { kind: "smpp", host: peer.host, port: peer.port, systemId: "herald", password: overrides.password ?? "secret", systemType: "", sourceAddr: "Herald", tls: false },
    { name: "test", windowSize: 4, onReceipts: overrides.onReceipts },
  ));

describe("SMPP transport against a real SMPP peer", () => {
  it("binds once, submits GSM-7 and UCS-2 messages, long ones as concatenated parts, and returns the provider ids", async () => {
    const smpp = connect();
    const long = "Sale! ".repeat(40).trim(); // 239 septets: two parts
    const results = await smpp.submit([
      { id: "m1", to: "+85291230001", text: "Hello {Ann} €5" },
      { id: "m2", to: "+85291230002", text: "你好，世界" },
      { id: "m3", to: "+85291230003", text: long },
    ]);
    expect(results).toEqual([
      { ok: true, providerId: expect.any(String), parts: 1 },
      { ok: true, providerId: expect.any(String), parts: 1 },
      { ok: true, providerId: expect.any(String), parts: 2 },
    ]);
    expect(peer.binds).toEqual([{ systemId: "herald", ok: true }]);
    const byTo = new Map(peer.messages().map((m) => [m.to, m]));
    expect(byTo.get("85291230001")).toMatchObject({ text: "Hello {Ann} €5", dataCoding: 0, from: "Herald", parts: 1 });
    expect(byTo.get("85291230002")).toMatchObject({ text: "你好，世界", dataCoding: 8 });
    expect(byTo.get("85291230003")).toMatchObject({ text: long, parts: 2 });
    const parts = peer.submits.filter((s) => s.to === "85291230003");
    expect(parts.map((p) => [p.esmClass & 0x40, p.concat?.part, p.concat?.total])).toEqual([
      [0x40, 1, 2],
      [0x40, 2, 2],
    ]);
    expect(results[2]).toMatchObject({ providerId: parts[0]!.providerId });
    expect(peer.submits.find((s) => s.to === "85291230001")!.sourceTon).toBe(5);
  });

  it("waits out throttling: refused parts are retried on the same bind and nothing is submitted twice", async () => {
    const smpp = connect();
    // The first part is throttled once, the second (after the first went out) three times.
    peer.refuseWhen((n) => ([1, 3, 4, 5].includes(n) ? 0x58 : null));
    const [result] = await smpp.submit([{ id: "m1", to: "+85291230001", text: "x".repeat(200) }]);
    expect(result).toMatchObject({ ok: true, parts: 2 });
    expect(peer.refusals).toEqual([0x58, 0x58, 0x58, 0x58]);
    expect(peer.messages()).toEqual([expect.objectContaining({ text: "x".repeat(200), parts: 2 })]);
  });

  it("reports a refusal for good as permanent, and a throttle that will not pass as retryable with nothing sent", async () => {
    const smpp = connect();
    peer.refuseWhen(() => 0x0b);
    expect(await smpp.submit([{ id: "m1", to: "+1", text: "Hi" }])).toEqual([{ ok: false, retryable: false, reason: "The SMSC refused the message: ESME_RINVDSTADR" }]);
    peer.refuseWhen(() => 0x58);
    expect(await smpp.submit([{ id: "m2", to: "+85291230001", text: "Hi" }])).toEqual([{ ok: false, retryable: true, reason: "The SMSC refused the message: ESME_RTHROTTLED" }]);
    expect(peer.submits).toEqual([]);
  });

  it("a wrong password is a retryable failure naming the bind", async () => {
    const smpp = connect({ password: "wrong" });
    const [result] = await smpp.submit([{ id: "m1", to: "+85291230001", text: "Hi" }]);
    expect(result).toMatchObject({ ok: false, retryable: true, reason: expect.stringContaining("refused the bind") });
  });

  it("binds again after the connection drops", async () => {
    const smpp = connect();
    await smpp.submit([{ id: "m1", to: "+85291230001", text: "one" }]);
    for (const submit of peer.submits) submit.session.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await smpp.submit([{ id: "m2", to: "+85291230002", text: "two" }])).toEqual([{ ok: true, providerId: expect.any(String), parts: 1 }]);
    expect(peer.binds.filter((b) => b.ok)).toHaveLength(2);
  });

  it("hands delivery receipts to the handler and retries the ones it could not match yet", async () => {
    const seen: SmsReceipt[] = [];
    let calls = 0;
    const smpp = connect({
      onReceipts: async (receipts) => {
        calls++;
        seen.push(...receipts);
        return { unmatched: calls === 1 ? [receipts[0]!.providerId] : [] };
      },
    });
    const results = await smpp.submit([
      { id: "m1", to: "+85291230001", text: "one" },
      { id: "m2", to: "+85291230002", text: "two" },
    ]);
    const [first, second] = results.map((r) => (r.ok ? r.providerId! : ""));
    await peer.sendReceipts([first!]);
    await peer.sendReceipts([second!], "UNDELIV");
    const deadline = Date.now() + 5_000;
    while (seen.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.map((r) => [r.providerId, r.status])).toEqual(
      expect.arrayContaining([
        [first, "delivered"],
        [second, "failed"],
      ]),
    );
    expect(seen.filter((r) => r.providerId === first)).toHaveLength(2); // once unmatched, once again
  });
});
