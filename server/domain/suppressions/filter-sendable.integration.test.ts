import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { dncNumbers, dncRegistries, suppressions } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { insertTestContacts, type TestContact } from "@/server/testing/bulk-contacts";
import { createTestWorkspace } from "@/server/testing/fixtures";
import { filterSendable, sendableContactsSql, type BlockReason } from "./filter-sendable";

/**
 * One workspace holding a contact for every rule, and a second workspace whose suppressions and
 * Do-Not-Call register name the same addresses and numbers (they must not apply to the first).
 */
let workspaceId: string;
const ids: Record<string, string> = {};

const PEOPLE: Record<string, TestContact> = {
  fine: { email: "fine@example.test", phone: "+85291000001", phoneCountry: "HK", emailStatus: "subscribed", smsStatus: "subscribed" },
  emailSuppressed: { email: "suppressed@example.test", emailStatus: "subscribed" },
  domainSuppressed: { email: "someone@blocked.example", emailStatus: "subscribed" },
  bounceSuppressed: { email: "bounce-listed@example.test", emailStatus: "subscribed" },
  unsubscribed: { email: "unsub@example.test", phone: "+85291000002", phoneCountry: "HK", emailStatus: "unsubscribed", smsStatus: "unsubscribed" },
  pending: { email: "pending@example.test", emailStatus: "pending" },
  unknownConsent: { email: "never-asked@example.test" },
  bounced: { email: "bounced@example.test", emailStatus: "bounced" },
  complained: { email: "complained@example.test", emailStatus: "complained" },
  phoneOnly: { phone: "+85291000003", phoneCountry: "HK", smsStatus: "subscribed" },
  phoneSuppressed: { phone: "+85291000004", phoneCountry: "HK", smsStatus: "subscribed" },
  onHongKongDnc: { phone: "+85291000005", phoneCountry: "HK", smsStatus: "subscribed" },
  // The same subscriber number in Macau is not on Hong Kong's register.
  macau: { phone: "+85366000005", phoneCountry: "MO", smsStatus: "subscribed" },
  onOldGeneration: { phone: "+85291000006", phoneCountry: "HK", smsStatus: "subscribed" },
  smsBounced: { phone: "+85291000007", phoneCountry: "HK", smsStatus: "bounced" },
  inOtherWorkspaceLists: { email: "theirs@example.test", phone: "+85291000008", phoneCountry: "HK", emailStatus: "subscribed", smsStatus: "subscribed" },
};

const reasons = (result: Awaited<ReturnType<typeof filterSendable>>) =>
  Object.fromEntries(result.blocked.map(({ contactId, reason }) => [Object.keys(ids).find((name) => ids[name] === contactId) ?? contactId, reason]));

const addRegistry = async (workspace: string, country: string, active: number, numbers: Array<[number, string]>) => {
  const [registry] = await db.insert(dncRegistries).values({ workspaceId: workspace, country, name: `${country} DNC`, activeGeneration: active }).returning();
  await db.insert(dncNumbers).values(numbers.map(([generation, phone]) => ({ registryId: registry!.id, generation, phone })));
};

beforeAll(async () => {
  const { workspace } = await createTestWorkspace();
  workspaceId = workspace.id;
  const names = Object.keys(PEOPLE);
  const rows = await insertTestContacts(workspaceId, Object.values(PEOPLE));
  names.forEach((name, i) => (ids[name] = rows[i]!.id));

  await db.insert(suppressions).values([
    { workspaceId, kind: "email", value: "suppressed@example.test", reason: "manual" },
    { workspaceId, kind: "domain", value: "blocked.example", reason: "manual" },
    { workspaceId, kind: "email", value: "bounce-listed@example.test", reason: "hard_bounce" },
    { workspaceId, kind: "phone", value: "+85291000004", reason: "unsubscribed" },
  ]);
  // Generation 2 is in force; generation 1 rows are leftovers of the previous list.
  await addRegistry(workspaceId, "HK", 2, [
    [2, "+85291000005"],
    [2, "+85366000005"],
    [1, "+85291000006"],
  ]);

  const other = await createTestWorkspace();
  await db.insert(suppressions).values([
    { workspaceId: other.workspace.id, kind: "email", value: "theirs@example.test", reason: "complaint" },
    { workspaceId: other.workspace.id, kind: "domain", value: "example.test", reason: "manual" },
    { workspaceId: other.workspace.id, kind: "phone", value: "+85291000008", reason: "hard_bounce" },
  ]);
  await addRegistry(other.workspace.id, "HK", 1, [[1, "+85291000008"], [1, "+85291000001"]]);
});

describe("filterSendable", () => {
  it("email marketing: suppressed address, domain, consent and bounces block; other workspaces' lists do not", async () => {
    const stranger = randomUUID();
    const result = await filterSendable({ workspaceId, channel: "email", contactIds: [...Object.values(ids), stranger, "not-a-uuid"] });

    expect(reasons(result)).toEqual({
      emailSuppressed: "email_suppressed",
      domainSuppressed: "domain_suppressed",
      bounceSuppressed: "email_suppressed",
      unsubscribed: "unsubscribed",
      pending: "not_subscribed",
      unknownConsent: "not_subscribed",
      bounced: "bounced",
      complained: "complained",
      phoneOnly: "no_email",
      phoneSuppressed: "no_email",
      onHongKongDnc: "no_email",
      macau: "no_email",
      onOldGeneration: "no_email",
      smsBounced: "no_email",
      [stranger]: "not_found",
      "not-a-uuid": "not_found",
    } satisfies Record<string, BlockReason>);
    expect(result.sendable).toEqual([ids.fine, ids.inOtherWorkspaceLists]);
  });

  it("email transactional: consent and manual suppressions do not apply, bounces and complaints still do", async () => {
    const result = await filterSendable({ workspaceId, channel: "email", purpose: "transactional", contactIds: Object.values(ids) });
    const blocked = reasons(result);
    expect(blocked).toMatchObject({ bounced: "bounced", complained: "complained", bounceSuppressed: "email_suppressed" });
    expect(result.sendable).toEqual(
      expect.arrayContaining([ids.fine, ids.unsubscribed, ids.pending, ids.unknownConsent, ids.emailSuppressed, ids.domainSuppressed]),
    );
    expect(Object.keys(blocked).sort()).toEqual(
      ["bounced", "complained", "bounceSuppressed", "phoneOnly", "phoneSuppressed", "onHongKongDnc", "macau", "onOldGeneration", "smsBounced"].sort(),
    );
  });

  it("SMS marketing: phone suppression, consent and the active generation of the number's country register", async () => {
    const result = await filterSendable({ workspaceId, channel: "sms", contactIds: Object.values(ids) });
    expect(reasons(result)).toEqual({
      emailSuppressed: "no_phone",
      domainSuppressed: "no_phone",
      bounceSuppressed: "no_phone",
      unsubscribed: "unsubscribed",
      pending: "no_phone",
      unknownConsent: "no_phone",
      bounced: "no_phone",
      complained: "no_phone",
      phoneSuppressed: "phone_suppressed",
      onHongKongDnc: "dnc",
      smsBounced: "bounced",
    });
    expect(result.sendable).toEqual([ids.fine, ids.phoneOnly, ids.macau, ids.onOldGeneration, ids.inOtherWorkspaceLists]);
  });

  it("SMS transactional: the Do-Not-Call register and unsubscribe suppressions do not apply", async () => {
    const result = await filterSendable({
      workspaceId,
      channel: "sms",
      purpose: "transactional",
      contactIds: [ids.onHongKongDnc!, ids.phoneSuppressed!, ids.unsubscribed!, ids.smsBounced!],
    });
    expect(result.sendable).toEqual([ids.onHongKongDnc, ids.phoneSuppressed, ids.unsubscribed]);
    expect(reasons(result)).toEqual({ smsBounced: "bounced" });
  });

  it("answers duplicates once, keeps the given order, and handles an empty list without a query", async () => {
    const result = await filterSendable({ workspaceId, channel: "email", contactIds: [ids.inOtherWorkspaceLists!, ids.fine!, ids.fine!.toUpperCase()] });
    expect(result).toEqual({ sendable: [ids.inOtherWorkspaceLists, ids.fine], blocked: [] });
    expect(await filterSendable({ workspaceId, channel: "sms", contactIds: [] })).toEqual({ sendable: [], blocked: [] });
  });

  it("exports the rules as SQL to embed, with one row per candidate", async () => {
    const rows = await db.execute<{ contact_id: string; blocked_reason: string | null }>(sql`
      select s.contact_id, s.blocked_reason from (${sendableContactsSql({
        workspaceId,
        channel: "sms",
        candidates: sql`select id from contacts where workspace_id = ${workspaceId} and phone is not null`,
      })}) s order by s.contact_id`);
    expect(rows).toHaveLength(Object.values(PEOPLE).filter((p) => p.phone).length);
    expect(rows.filter((row) => row.blocked_reason === null).map((row) => row.contact_id).sort()).toEqual(
      [ids.fine, ids.phoneOnly, ids.macau, ids.onOldGeneration, ids.inOtherWorkspaceLists].sort(),
    );
  });
});
