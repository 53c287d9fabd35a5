import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import { storedFiles, templateAttachments } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { ZFileId } from "./file-rules";
import { removeStoredBytes } from "./file-storage";

export const ZDeleteFile = z.object({ fileId: ZFileId });

/**
 * Deletes a file that no template attaches (detach it first, so a template never loses an attachment
 * without someone seeing it go). Images are not tracked in designs: mail already sent that shows one
 * will show a broken image once it is gone.
 */
export const deleteFile = async ({ workspaceId, fileId, filesDir }: { workspaceId: string; fileId: string; filesDir?: string | null }) => {
  const deleted = await db.transaction(async (tx) => {
    const [file] = await tx
      .select({ id: storedFiles.id, filename: storedFiles.filename })
      .from(storedFiles)
      .where(and(eq(storedFiles.id, fileId), eq(storedFiles.workspaceId, workspaceId)))
      .for("update");
    if (!file) throw new AppError("NOT_FOUND", "File not found");
    const [uses] = await tx
      .select({ n: count() })
      .from(templateAttachments)
      .where(and(eq(templateAttachments.fileId, fileId), eq(templateAttachments.workspaceId, workspaceId)));
    if (uses && uses.n > 0) {
      const templates = uses.n === 1 ? "1 template" : `${uses.n} templates`;
      throw new AppError("CONFLICT", `${file.filename} is attached to ${templates}; remove it from them first`);
    }
    const [row] = await tx
      .delete(storedFiles)
      .where(and(eq(storedFiles.id, fileId), eq(storedFiles.workspaceId, workspaceId)))
      .returning({ id: storedFiles.id, storagePath: storedFiles.storagePath });
    return row!;
  });
  // After the commit: a crash here leaves an unreferenced file on disk, never a row without its bytes.
  if (deleted.storagePath) {
    await removeStoredBytes(deleted.storagePath, filesDir).catch((error: unknown) =>
      logger.warn({ err: error, fileId, storagePath: deleted.storagePath }, "could not remove a deleted file's bytes"),
    );
  }
  return { id: deleted.id };
};
