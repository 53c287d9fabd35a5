import type { TaskList } from "graphile-worker";
import { importContacts } from "./tasks/contacts/import";
import { sendTestEmail } from "./tasks/content/send-test-email";
import { refresh as refreshDnc } from "./tasks/dnc/refresh";
import { refreshDue as refreshDueDnc } from "./tasks/dnc/refresh-due";
import { ensurePartitions } from "./tasks/events/ensure-partitions";
import { sendEmail } from "./tasks/system/send-email";

/** Task identifier = path under worker/tasks (graphile-worker's convention). */
export const taskList: TaskList = {
  "system/send-email": sendEmail,
  "contacts/import": importContacts,
  "events/ensure-partitions": ensurePartitions,
  "dnc/refresh": refreshDnc,
  "dnc/refresh-due": refreshDueDnc,
  "content/send-test-email": sendTestEmail,
};
