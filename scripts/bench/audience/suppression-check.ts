/**
 * Part of `npm run bench:audience`: how fast filterSendable answers "who may we send to?" for a large
 * audience. Runs after the contacts import step has filled the workspace (about 1M contacts with
 * emails and HK/MO/TW/CN/international phones). It adds ~5% suppressions (addresses, a few whole
 * domains, numbers) through importSuppressions and a Hong Kong Do-Not-Call register of ~200k numbers
 * (a slice overlapping the contacts) through refreshDncRegistry, then times filterSendable for
 * `contacts` ids, email and SMS marketing: one warm-up, then the median of 5.
 * Imports are dynamic because the harness points the environment at its database first.
 */

type Options = { workspaceId: string; userId: string; contacts: number };

const RUNS = 5;
const DNC_SIZE = 200_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString("en");

export const benchSuppressionCheck = async ({ workspaceId, userId, contacts }: Options): Promise<void> => {
  const { sql } = await import("drizzle-orm");
  const { db } = await import("@/server/db/client");
  const { importSuppressions } = await import("@/server/domain/suppressions/import-suppressions");
  const { filterSendable } = await import("@/server/domain/suppressions/filter-sendable");
  const { createDncRegistry } = await import("@/server/domain/dnc/save-dnc-registry");
  const { refreshDncRegistry } = await import("@/server/domain/dnc/refresh-dnc-registry");
  const { listDncRegistries } = await import("@/server/domain/dnc/list-dnc-registries");

  const [{ total } = { total: 0 }] = await db.execute<{ total: number }>(
    sql`select count(*)::int as total from contacts where workspace_id = ${workspaceId}`,
  );
  console.log(`\nsuppression check: ${fmt(total)} contacts in the workspace, checking ${fmt(contacts)}`);

  // A marketing audience has consent on record: without it every contact is blocked as
  // "not_subscribed" and the check measures nothing else. Most are subscribed, some have left.
  await db.execute(sql`
    update contacts set
      email_status = case when email is null then null when abs(hashtext(id::text)) % 100 < 95 then 'subscribed' else 'unsubscribed' end::consent_status,
      sms_status = case when phone is null then null when abs(hashtext(id::text || 's')) % 100 < 90 then 'subscribed' else 'unsubscribed' end::consent_status
    where workspace_id = ${workspaceId} and email_status is null and sms_status is null`);
  await db.execute(sql`vacuum analyze contacts`);

  // ~5% suppressions: 3.5% of addresses, 1.5% of numbers (a deterministic sample), and three whole domains
  // (the least common ones, so a domain blocks a realistic handful rather than a fifth of the audience).
  const sample = await db.execute<{ email: string | null; phone: string | null }>(sql`
    select case when h < 35 then email end as email, case when h >= 35 then phone end as phone
    from (select email, phone, abs(hashtext(id::text)) % 1000 as h from contacts where workspace_id = ${workspaceId}) c
    where h < 50`);
  const domains = await db.execute<{ domain: string }>(sql`
    select split_part(email, '@', 2) as domain from contacts
    where workspace_id = ${workspaceId} and email is not null
    group by 1 order by count(*), 1 limit 3`);
  const entries = [
    ...sample.flatMap((row) => [row.email, row.phone]).filter((value): value is string => !!value),
    ...domains.map((row) => `@${row.domain}`),
  ];
  let started = performance.now();
  let added = 0;
  let invalid = 0;
  for (let i = 0; i < entries.length; i += 50_000) {
    const result = await importSuppressions({ workspaceId, createdBy: userId, reason: "manual", text: entries.slice(i, i + 50_000).join("\n") });
    added += result.added;
    invalid += result.invalidCount;
  }
  const importMs = performance.now() - started;
  console.log(
    `  suppressions: ${fmt(added)} added (${fmt(entries.length)} entries, ${domains.length} domains, ${fmt(invalid)} invalid) in ${fmt(importMs)} ms (${fmt((entries.length / importMs) * 1000)} entries/s)`,
  );

  // A Hong Kong register: every 10th HK contact's number (so some contacts are on it) plus synthetic numbers.
  const registry =
    (await listDncRegistries({ workspaceId })).find((r) => r.country === "HK") ??
    (await createDncRegistry({ workspaceId, country: "HK", name: "Hong Kong UEMS (bench)" }));
  const overlap = await db.execute<{ phone: string }>(sql`
    select phone from contacts where workspace_id = ${workspaceId} and phone_country = 'HK' and abs(hashtext(id::text)) % 10 = 0
    limit ${DNC_SIZE / 4}`);
  const numbers = async function* () {
    let batch = "";
    for (const { phone } of overlap) batch += `${phone}\n`;
    yield batch;
    batch = "";
    for (let i = 0; i < DNC_SIZE - overlap.length; i++) {
      // 5x xxx xxx and 6x xxx xxx mobiles: valid Hong Kong numbers, most of them not contacts.
      batch += `${(i % 2 ? 51_000_000 : 61_000_000) + i}\n`;
      if (batch.length > 64 * 1024) {
        yield batch;
        batch = "";
      }
    }
    yield batch;
  };
  started = performance.now();
  const load = await refreshDncRegistry({ workspaceId, registryId: registry.id, source: { kind: "upload", body: numbers() }, force: true });
  const loadMs = performance.now() - started;
  if (!load.ok) throw new Error(`loading the DNC register failed: ${load.error}`);
  console.log(
    `  DNC register HK: ${fmt(load.numberCount)} numbers (${fmt(overlap.length)} of them contacts') loaded in ${fmt(loadMs)} ms (${fmt((load.numberCount / loadMs) * 1000)} numbers/s)`,
  );

  const ids = (
    await db.execute<{ id: string }>(sql`select id from contacts where workspace_id = ${workspaceId} order by id limit ${contacts}`)
  ).map((row) => row.id);

  for (const channel of ["email", "sms"] as const) {
    let result = await filterSendable({ workspaceId, channel, contactIds: ids }); // warm-up
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      result = await filterSendable({ workspaceId, channel, contactIds: ids });
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    const reasons = new Map<string, number>();
    for (const { reason } of result.blocked) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    const breakdown = [...reasons.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `${reason} ${fmt(n)}`)
      .join(", ");
    console.log(
      `  filterSendable ${channel.padEnd(5)} ${fmt(ids.length)} ids: median ${fmt(ms)} ms of ${RUNS} (${fmt((ids.length / ms) * 1000)} contacts/s)` +
        `  sendable ${fmt(result.sendable.length)}, blocked ${fmt(result.blocked.length)}${breakdown ? ` (${breakdown})` : ""}`,
    );
  }
};
