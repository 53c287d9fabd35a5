import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { callerFor, createTestApiKey } from "@/server/testing/fixtures";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { useDeliverySink } from "@/server/testing/delivery-sink";
import { queuedJobPayloads } from "@/server/testing/system-mail";
import { createSendableWorkspace } from "@/server/domain/campaigns/campaign-fixtures";
import { POST } from "@/app/api/v1/send/route";
import { deliverTransactional } from "./deliver-transactional";
import type { TransactionalJob } from "./transactional-rules";

const sink = useDeliverySink();

const jobFor = async (messageId: string) =>
  (await queuedJobPayloads<TransactionalJob>("delivery/send-transactional", "messageId", messageId))[0];

describe("transactional API", () => {
  it("sends a template with data once per idempotency key, charging one credit", async () => {
    const ws = await createSendableWorkspace({ size: 0 });
    const caller = callerFor(ws.owner, ws.workspaceId);
    const first = await caller.transactional.send({ to: "Buyer@Example.com", templateId: ws.templateId, data: { order: "A-1" }, idempotencyKey: "order-A-1" });
    expect(first.status).toBe("queued");
    const again = await caller.transactional.send({ to: "buyer@example.com", templateId: ws.templateId, idempotencyKey: "order-A-1" });
    expect(again).toEqual({ messageId: first.messageId, status: "duplicate" });
    const job = await jobFor(first.messageId);
    expect(job).toMatchObject({ to: "buyer@example.com", data: { order: "A-1" } });
    expect(await deliverTransactional(job!)).toEqual({ status: "sent" });
    expect(await deliverTransactional(job!)).toEqual({ status: "already-done" });
    expect(sink.messagesTo("buyer@example.com")).toHaveLength(1);
    expect(sink.messagesTo("buyer@example.com")[0]!.parsed.messageId).toBe(`<${first.messageId}@sender.example>`);
    const [spent] = await db.execute<{ spent: number }>(sql`select -sum(amount)::float as spent from credit_ledger where workspace_id = ${ws.workspaceId} and kind = 'debit'`);
    expect(Number(spent!.spent)).toBe(1);
  });

  it("reaches people who unsubscribed from marketing, never hard-bounced addresses, and marketing mode respects unsubscribes", async () => {
    const ws = await createSendableWorkspace({ size: 0 });
    const caller = callerFor(ws.owner, ws.workspaceId);
    await insertTestContacts(ws.workspaceId, [
      { email: "optout@example.com", emailStatus: "unsubscribed" },
      { email: "bounced@example.com", emailStatus: "bounced" },
    ]);
    expect((await caller.transactional.send({ to: "optout@example.com", subject: "Receipt", html: "<p>Thanks</p>", idempotencyKey: "r1" })).status).toBe("queued");
    expect(await caller.transactional.send({ to: "bounced@example.com", subject: "Receipt", html: "<p>Thanks</p>", idempotencyKey: "r2" })).toMatchObject({
      status: "suppressed",
      reason: "bounced",
    });
    expect(
      await caller.transactional.send({ to: "optout@example.com", subject: "Sale", html: "<p>50%</p>", idempotencyKey: "m1", transactional: false }),
    ).toMatchObject({ status: "suppressed", reason: "unsubscribed" });
  });

  it("names the field when the request is incomplete, and works over HTTP with an API key", async () => {
    const ws = await createSendableWorkspace({ size: 0 });
    const caller = callerFor(ws.owner, ws.workspaceId);
    await expect(caller.transactional.send({ to: "a@example.com", idempotencyKey: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Give a templateId, or a subject and html") });
    const { secret } = await createTestApiKey(ws.workspaceId, ws.owner.id, ["send"]);
    const response = await POST(
      new Request("http://localhost/api/v1/send", {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify({ to: "api@example.com", subject: "Hi {{ data.name }}", html: "<p>Hello {{ data.name }}</p>", data: { name: "Ann" }, idempotencyKey: "api-1" }),
      }),
    );
    expect(response.status).toBe(202);
    const { messageId } = (await response.json()) as { messageId: string };
    await deliverTransactional((await jobFor(messageId))!);
    expect(sink.messagesTo("api@example.com")[0]!.parsed.subject).toBe("Hi Ann");
    const refused = await POST(new Request("http://localhost/api/v1/send", { method: "POST", headers: { authorization: `Bearer ${secret}` }, body: JSON.stringify({ to: "nope" }) }));
    expect(refused.status).toBe(400);
  });
});
