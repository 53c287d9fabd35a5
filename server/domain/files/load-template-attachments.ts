import { and, asc, eq } from "drizzle-orm";
import { storedFiles, templateAttachments } from "@/drizzle/schema";
import { db, type Executor } from "@/server/db/client";
import { readStoredBytes } from "./file-storage";
import { requireTemplate } from "./template-for-files";

export type MessageAttachment = { filename: string; contentType: string; content: Buffer };

/**
 * A template's attachments with their bytes, ready for the MIME builder. The total was checked when
 * each was attached, so a message built from them stays under the per-message limit.
 */
export const loadTemplateAttachments = async (
  { workspaceId, templateId, filesDir }: { workspaceId: string; templateId: string; filesDir?: string | null },
  executor: Executor = db,
): Promise<MessageAttachment[]> => {
  await requireTemplate(executor, { workspaceId, templateId });
  const rows = await executor
    .select({
      filename: storedFiles.filename,
      contentType: storedFiles.contentType,
      data: storedFiles.data,
      storagePath: storedFiles.storagePath,
    })
    .from(templateAttachments)
    .innerJoin(storedFiles, and(eq(storedFiles.id, templateAttachments.fileId), eq(storedFiles.workspaceId, workspaceId)))
    .where(and(eq(templateAttachments.templateId, templateId), eq(templateAttachments.workspaceId, workspaceId)))
    .orderBy(asc(templateAttachments.createdAt), asc(storedFiles.filename));
  return Promise.all(
    rows.map(async ({ filename, contentType, data, storagePath }) => ({
      filename,
      contentType,
      content: await readStoredBytes({ data, storagePath }, filesDir),
    })),
  );
};
