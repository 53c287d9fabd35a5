import type { Executor } from "@/server/db/client";
import { addJob } from "@/server/jobs/add-job";

export type SystemEmail = { to: string; subject: string; text: string; html?: string };

/** The app's own mail (password resets, invitations) goes through the worker so a failed send retries. */
export const enqueueSystemEmail = (executor: Executor, email: SystemEmail) =>
  addJob(executor, "system/send-email", email, { maxAttempts: 10 });
