import type { Task } from "graphile-worker";
import { z } from "zod";
import { runImport } from "@/server/domain/imports/run-import";

// Payloads may come from older code, so check them at run time.
const Payload = z.object({ importId: z.uuid(), workspaceId: z.uuid().optional() });

/** "contacts/import": one CSV import, start to finish (see runImport). Throws only to be retried. */
export const importContacts: Task = async (raw, helpers) => {
  const { importId } = Payload.parse(raw);
  await runImport({ importId, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts });
};
