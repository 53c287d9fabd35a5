import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaigns } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { startRecordingSink } from "@/server/testing/recording-sink";
import { killWorker, waitFor } from "@/server/testing/crashed-worker";
import { spawnHeraldProcess, type SpawnedProcess } from "@/server/testing/spawn-process";
import { withSystemMailQueue } from "@/server/testing/system-mail";
import { createSendableWorkspace } from "./campaign-fixtures";
import { launchCampaign } from "./launch-campaign";
import { createCampaign } from "./save-campaign";
import { useOwnDatabase } from "@/server/testing/own-database";

// Its workers take every job of their tasks in the queue: only this file's, in a database of its own.
useOwnDatabase("herald_once");

const RECIPIENTS = 20_000;
const SUPPRESSED = 1_000;

let sink: Awaited<ReturnType<typeof startRecordingSink>>;
beforeAll(async () => {
  // A little slow per message, so the first worker is surely mid-send when it is killed.
  sink = await startRecordingSink({ delayMs: 2 });
});
afterAll(() => sink.close());

const worker = () =>
  spawnHeraldProcess(
    "worker/index.ts",
    { DATABASE_URL: env().DATABASE_URL, DELIVERY_SMTP_URL: `${sink.url}?connections=20`, WORKER_TASKS: "delivery/", WORKER_METRICS_PORT: "0", LOG_LEVEL: "info" },
    /worker ready|looking for jobs/,
  );


describe("exactly once under failure", () => {
  it(`a worker SIGKILLed mid-send, a smarthost refusing 20% for a while: each of ${RECIPIENTS.toLocaleString()} recipients gets one message, nobody suppressed gets any`, async () => {
    const ws = await createSendableWorkspace({ size: RECIPIENTS, suppressed: SUPPRESSED });
    await db.execute(sql`update credit_balances set balance = ${RECIPIENTS * 2} where workspace_id = ${ws.workspaceId}`);
    // The queue is shared with other test files: hold it, so only this test's workers take these jobs.
    await withSystemMailQueue(async () => {
      const campaign = await createCampaign({ workspaceId: ws.workspaceId, userId: null, name: "Crash test", emailTemplateId: ws.templateId, audience: { listIds: [ws.listId] } });
      await launchCampaign({ workspaceId: ws.workspaceId, campaignId: campaign.id });
      let refusing = true;
      sink.refuseWhen(() => refusing && Math.random() < 0.2);
      let first: SpawnedProcess | null = await worker();
      await waitFor(() => sink.receipts.length >= 4_000, 120_000, "the first worker to send 4,000");
      refusing = false;
      await killWorker(first);
      first = null;
      // What the down-node sweep does for a node whose heartbeat stopped: its locked jobs run elsewhere.
      await db.execute(sql`update graphile_worker._private_jobs set locked_at = null, locked_by = null, run_at = now() where locked_by is not null`);
      await db.execute(sql`update graphile_worker._private_jobs set run_at = now() where run_at > now()`);
      const second = await worker();
      try {
        await waitFor(
          async () => (await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaign.id)))[0]!.status === "sent",
          240_000,
          "the campaign to finish on the second worker",
        );
      } finally {
        await second.stop();
      }

      const byRecipient = new Map<string, Set<string>>();
      let receipts = 0;
      for (const receipt of sink.receipts) {
        if (!receipt.to.endsWith("@example.com")) continue;
        receipts++;
        const ids = byRecipient.get(receipt.to) ?? new Set();
        ids.add(receipt.messageId);
        byRecipient.set(receipt.to, ids);
      }
      const missing = ws.sendable.filter((address) => !byRecipient.has(address));
      expect(missing, "recipients who got nothing").toEqual([]);
      const withTwoIds = [...byRecipient.entries()].filter(([, ids]) => ids.size !== 1);
      expect(withTwoIds, "recipients who got two different messages").toEqual([]);
      expect(ws.suppressedAddresses.filter((address) => byRecipient.has(address)), "suppressed recipients who got mail").toEqual([]);
      // A message accepted upstream in the instant before its "sent" mark was written is sent again
      // after the crash, with the same Message-ID (receivers keep one copy per Message-ID). That window
      // is one flush (≤ 100 messages) per batch in flight; everything else arrives exactly once.
      const resent = receipts - byRecipient.size;
      expect(resent).toBeLessThanOrEqual(5 * 100);

      const [ledger] = await db.execute<{ charged: number; recipients: number; sent: number; messages: number }>(sql`
        select
          (select coalesce(-sum(amount), 0)::int from credit_ledger where campaign_id = ${campaign.id}) as charged,
          (select count(*)::int from campaign_recipients where campaign_id = ${campaign.id}) as recipients,
          (select count(*)::int from campaign_recipients where campaign_id = ${campaign.id} and state = 'sent') as sent,
          (select count(*)::int from messages where campaign_id = ${campaign.id}) as messages`);
      expect(ledger).toEqual({ charged: ws.sendable.length, recipients: RECIPIENTS, sent: ws.sendable.length, messages: ws.sendable.length });
    });
  }, 420_000);
});
