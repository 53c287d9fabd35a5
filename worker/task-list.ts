import type { TaskList } from "graphile-worker";
import { importContacts } from "./tasks/contacts/import";
import { sendTestEmail } from "./tasks/content/send-test-email";
import { cancelCleanup } from "./tasks/delivery/cancel-cleanup";
import { decideAbWinner } from "./tasks/delivery/decide-ab-winner";
import { prepareCampaign } from "./tasks/delivery/prepare-campaign";
import { sendBatch } from "./tasks/delivery/send-batch";
import { sendTransactional } from "./tasks/delivery/send-transactional";
import { refresh as refreshDnc } from "./tasks/dnc/refresh";
import { refreshDue as refreshDueDnc } from "./tasks/dnc/refresh-due";
import { ensurePartitions } from "./tasks/events/ensure-partitions";
import { advance as advanceJourneys } from "./tasks/journeys/advance";
import { enterDates as enterJourneyDates } from "./tasks/journeys/enter-dates";
import { enterList as enterJourneyList } from "./tasks/journeys/enter-list";
import { enterSegments as enterJourneySegments } from "./tasks/journeys/enter-segments";
import { sendEmail } from "./tasks/system/send-email";

/** Task identifier = path under worker/tasks (graphile-worker's convention). */
export const taskList: TaskList = {
  "system/send-email": sendEmail,
  "contacts/import": importContacts,
  "events/ensure-partitions": ensurePartitions,
  "dnc/refresh": refreshDnc,
  "dnc/refresh-due": refreshDueDnc,
  "content/send-test-email": sendTestEmail,
  "delivery/prepare-campaign": prepareCampaign,
  "delivery/send-batch": sendBatch,
  "delivery/cancel-cleanup": cancelCleanup,
  "delivery/decide-ab-winner": decideAbWinner,
  "delivery/send-transactional": sendTransactional,
  "journeys/advance": advanceJourneys,
  "journeys/enter-list": enterJourneyList,
  "journeys/enter-segments": enterJourneySegments,
  "journeys/enter-dates": enterJourneyDates,
};

/**
 * What this process runs: every task, or only those whose identifiers start with one of the
 * comma-separated prefixes in WORKER_TASKS (e.g. "delivery/" for dedicated sending nodes). Jobs of
 * other tasks stay in the queue for processes that run them.
 */
export const tasksForThisProcess = (filter = process.env.WORKER_TASKS): TaskList => {
  const prefixes = filter?.split(",").map((p) => p.trim()).filter(Boolean) ?? [];
  if (prefixes.length === 0) return taskList;
  return Object.fromEntries(Object.entries(taskList).filter(([identifier]) => prefixes.some((prefix) => identifier.startsWith(prefix))));
};
