import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestContacts } from "@/server/testing/bulk-contacts";
import { createTestApiKey, createTestWorkspace } from "@/server/testing/fixtures";
import { startTrpcServer } from "@/server/testing/trpc-http";
import { createHeraldClient } from "./index";

describe("herald.events through the SDK", () => {
  let server: Awaited<ReturnType<typeof startTrpcServer>>;
  beforeAll(async () => {
    server = await startTrpcServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("tracks a batch with Date timestamps and reads it back, typed end to end", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const [contact] = await insertTestContacts(workspace.id, [{ email: "sdk-events@example.test" }]);
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["contacts:write", "contacts:read"]);
    const herald = createHeraldClient({ baseUrl: server.baseUrl, apiKey: secret });

    const at = new Date("2025-06-01T08:00:00Z");
    const result = await herald.events.track.mutate({
      events: [
        { contact: { id: contact!.id }, event: "order_placed", properties: { total: 42.5, items: ["a", "b"] }, timestamp: at },
        { contact: { phone: "+886 912 345 678" }, event: "sms_signup", createContact: true },
        { contact: { email: "sdk-events@example.test" }, event: "" },
      ],
    });
    const accepted: number = result.accepted;
    expect(accepted).toBe(2);
    expect(result.results[2]).toMatchObject({ index: 2, status: "rejected", reason: "event must not be empty" });

    const page = await herald.events.listForContact.query({ contactId: contact!.id });
    expect(page.items).toEqual([
      expect.objectContaining({ name: "order_placed", properties: { total: 42.5, items: ["a", "b"] }, occurredAt: at }),
    ]);
    expect(page.items[0]!.occurredAt).toBeInstanceOf(Date);
  });

  it("says which scope is missing", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["contacts:read"]);
    const herald = createHeraldClient({ baseUrl: server.baseUrl, apiKey: secret });
    await expect(herald.events.track.mutate({ events: [{ contact: { email: "a@example.test" }, event: "x" }] })).rejects.toMatchObject({
      message: 'This API key lacks the "contacts:write" scope',
      data: { code: "FORBIDDEN", httpStatus: 403 },
    });
  });
});
