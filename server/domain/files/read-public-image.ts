import { and, eq } from "drizzle-orm";
import { storedFiles } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { openStoredBytes } from "./file-storage";
import { ZFileId } from "./file-rules";
import { FILE_META_COLUMNS, toFileMeta } from "./stored-file-meta";
import type { OpenedFile } from "./read-file";

/**
 * An image for anyone holding its id (mail clients load images without a session). Only images:
 * attachments are private to their workspace, so their ids open nothing here. Null when there is none.
 */
export const readPublicImage = async ({ fileId, filesDir }: { fileId: string; filesDir?: string | null }): Promise<OpenedFile | null> => {
  if (!ZFileId.safeParse(fileId).success) return null;
  const [row] = await db
    .select({ ...FILE_META_COLUMNS, data: storedFiles.data, storagePath: storedFiles.storagePath })
    .from(storedFiles)
    .where(and(eq(storedFiles.id, fileId), eq(storedFiles.purpose, "image")));
  if (!row) return null;
  const { data, storagePath, ...meta } = row;
  return { file: toFileMeta(meta), body: await openStoredBytes({ data, storagePath }, filesDir) };
};
