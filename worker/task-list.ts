import type { TaskList } from "graphile-worker";
import { ensurePartitions } from "./tasks/events/ensure-partitions";
import { sendEmail } from "./tasks/system/send-email";

/** Task identifier = path under worker/tasks (graphile-worker's convention). */
export const taskList: TaskList = {
  "system/send-email": sendEmail,
  "events/ensure-partitions": ensurePartitions,
};
