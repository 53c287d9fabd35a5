import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { createSendableWorkspace } from "@/server/domain/campaigns/campaign-fixtures";
import { trackEvents } from "@/server/domain/events/track-events";
import { env } from "@/server/env";
import { startRecordingSink } from "@/server/testing/recording-sink";
import { finishJourneyOnNewWorker, killWorker, waitFor } from "@/server/testing/crashed-worker";
import { spawnHeraldProcess, type SpawnedProcess } from "@/server/testing/spawn-process";
import { definition, publishTestJourney } from "./runtime-fixtures";
import { useOwnDatabase } from "@/server/testing/own-database";

// Its workers take every job of their tasks in the queue: only this file's, in a database of its own.
useOwnDatabase("herald_jsend");

const CONTACTS = 2_000;
let sink: Awaited<ReturnType<typeof startRecordingSink>>;
beforeAll(async () => {
  // Slow enough per message that the kill lands while sends are in flight.
  sink = await startRecordingSink({ delayMs: 3 });
});
afterAll(async () => {
  await sink.close();
});

const worker = () =>
  spawnHeraldProcess(
    "worker/index.ts",
    {
      DATABASE_URL: env().DATABASE_URL,
      DELIVERY_SMTP_URL: sink.url,
      WORKER_TASKS: "journeys/",
      WORKER_METRICS_PORT: "0",
      JOURNEY_LEASE_SECONDS: "3",
      JOURNEY_BATCH_SIZE: "200",
      LOG_LEVEL: "info",
    },
    /worker ready|looking for jobs/,
  );


describe("journey sends under failure", () => {
  it(`a worker SIGKILLed while a send step runs: each of ${CONTACTS.toLocaleString()} contacts gets the email once, charged once`, async () => {
    const ws = await createSendableWorkspace({ size: CONTACTS });
    await db.execute(sql`update credit_balances set balance = ${CONTACTS * 2} where workspace_id = ${ws.workspaceId}`);
    const journeyId = await publishTestJourney(
      ws.workspaceId,
      definition(
        [
          { id: "signup", type: "trigger_event", config: { eventName: "signed_up", filters: [] } },
          { id: "mail", type: "send_email", config: { templateId: ws.templateId, sendingIdentityId: null } },
          { id: "end", type: "exit", config: { goal: false } },
        ],
        [
          ["signup", "next", "mail"],
          ["mail", "next", "end"],
        ],
        // No messaging limits here: only the crash is under test.
        { respectMessagingLimits: false },
      ),
    );
    const contacts = await db.execute<{ id: string; email: string }>(sql`select id, email from contacts where workspace_id = ${ws.workspaceId}`);
    let first: SpawnedProcess | null = await worker();
    for (let i = 0; i < contacts.length; i += 1000)
      await trackEvents({ workspaceId: ws.workspaceId, events: contacts.slice(i, i + 1000).map((c) => ({ contact: { id: c.id }, event: "signed_up" })) });
    await waitFor(() => sink.receipts.length >= CONTACTS / 4, 120_000, "the first worker to send a quarter");
    await killWorker(first);
    first = null;
    const sentBeforeCrash = sink.receipts.length;
    expect(sentBeforeCrash, "the kill landed mid-send").toBeLessThan(CONTACTS);
    await finishJourneyOnNewWorker(journeyId, worker, 240_000);

    const byRecipient = new Map<string, Set<string>>();
    for (const receipt of sink.receipts) byRecipient.set(receipt.to, (byRecipient.get(receipt.to) ?? new Set()).add(receipt.messageId));
    const addresses = contacts.map((c) => c.email.toLowerCase());
    expect(addresses.filter((a) => !byRecipient.has(a)), "contacts who got nothing").toEqual([]);
    expect(addresses.filter((a) => byRecipient.get(a)!.size > 1), "contacts who got two different messages").toEqual([]);
    // A copy the sink accepted before the worker died but whose "sent" mark was not yet written is sent
    // again with the same Message-ID (receivers keep one per Message-ID). A send step records its batch
    // when the batch is done, so that is at most one batch per advance lane: 2 lanes x 200 runs.
    expect(sink.receipts.length - CONTACTS).toBeLessThanOrEqual(2 * 200);
    const [ledger] = await db.execute<{ sends: number; sent: number; messages: number; debited: string }>(sql`
      select (select count(*)::int from journey_sends where workspace_id = ${ws.workspaceId}) as sends,
        (select count(*)::int from journey_sends where workspace_id = ${ws.workspaceId} and state = 'sent') as sent,
        (select count(*)::int from messages where workspace_id = ${ws.workspaceId} and kind = 'journey') as messages,
        (select coalesce(-sum(amount), 0)::text from credit_ledger where workspace_id = ${ws.workspaceId} and kind = 'debit') as debited`);
    expect({ ...ledger, debited: Number(ledger!.debited) }).toEqual({ sends: CONTACTS, sent: CONTACTS, messages: CONTACTS, debited: CONTACTS });
  }, 420_000);
});
