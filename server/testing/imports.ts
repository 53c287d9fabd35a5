import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { importJobKey } from "@/server/domain/imports/import-fields";
import { runImport, type RunImportOptions } from "@/server/domain/imports/run-import";
import { uploadImport } from "@/server/domain/imports/upload-import";
import type { callerFor } from "./fixtures";
import { withSystemMailQueue } from "./system-mail";

/** The body of a request that sends `content` in pieces of `pieceSize` bytes, as a network would. */
export async function* bodyOf(content: string | Buffer, pieceSize = 7_000): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  for (let at = 0; at < bytes.length; at += pieceSize) yield bytes.subarray(at, at + pieceSize);
}

/** Uploads a CSV through the same domain function as POST /api/imports/upload. */
export const uploadTestCsv = async (workspaceId: string, createdBy: string | null, content: string | Buffer, filename = "contacts.csv") => {
  const result = await uploadImport({ workspaceId, createdBy, filename, body: bodyOf(content) });
  if (!result.ok) throw new Error(`upload refused (${result.status}): ${result.message}`);
  return result;
};

/**
 * imports.start as the caller, then the import itself, run here rather than by a worker. The job start
 * queued is taken off the shared queue under the queue lock (see system-mail.ts), so no other test
 * file's worker can run this import at the same time.
 */
export const startAndRunImport = async (
  caller: ReturnType<typeof callerFor>,
  importId: string,
  options: Omit<RunImportOptions, "importId"> = {},
) => {
  await withSystemMailQueue(async () => {
    await caller.imports.start({ importId });
    await db.execute(sql`select graphile_worker.remove_job(${importJobKey(importId)})`);
  });
  return runImport({ importId, ...options });
};
