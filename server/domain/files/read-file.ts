import type { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { storedFiles } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { openStoredBytes } from "./file-storage";
import { FILE_META_COLUMNS, toFileMeta, type StoredFileMeta } from "./stored-file-meta";

export type OpenedFile = { file: StoredFileMeta; body: Readable };

/**
 * A workspace's file with its bytes as a stream (read from disk as it is sent when stored there).
 * NOT_FOUND for another workspace's file, the same answer as for one that does not exist.
 */
export const readFile = async ({
  workspaceId,
  fileId,
  filesDir,
}: {
  workspaceId: string;
  fileId: string;
  filesDir?: string | null;
}): Promise<OpenedFile> => {
  const [row] = await db
    .select({ ...FILE_META_COLUMNS, data: storedFiles.data, storagePath: storedFiles.storagePath })
    .from(storedFiles)
    .where(and(eq(storedFiles.id, fileId), eq(storedFiles.workspaceId, workspaceId)));
  if (!row) throw new AppError("NOT_FOUND", "File not found");
  const { data, storagePath, ...meta } = row;
  return { file: toFileMeta(meta), body: await openStoredBytes({ data, storagePath }, filesDir) };
};
