import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { storedFiles, templateAttachments } from "@/drizzle/schema";
import { db, type Executor } from "@/server/db/client";
import { fileLimits, ZTemplateId, type FileLimits } from "./file-rules";
import { FILE_META_COLUMNS, toFileMeta, type StoredFileMeta } from "./stored-file-meta";
import { requireTemplate } from "./template-for-files";

export const ZTemplateRef = z.object({ templateId: ZTemplateId });

export type TemplateAttachments = {
  items: StoredFileMeta[];
  /** What the attachments add up to, against `limitBytes` for one message. */
  totalBytes: number;
  limitBytes: number;
  /** The most one attachment may be, for the upload button's hint. */
  fileMaxBytes: number;
};

/** The files attached to a template in the order they were added, with their total against the limit. */
export const listTemplateAttachments = async (
  { workspaceId, templateId, limits = fileLimits() }: { workspaceId: string; templateId: string; limits?: FileLimits },
  executor: Executor = db,
): Promise<TemplateAttachments> => {
  await requireTemplate(executor, { workspaceId, templateId });
  const rows = await executor
    .select(FILE_META_COLUMNS)
    .from(templateAttachments)
    .innerJoin(storedFiles, and(eq(storedFiles.id, templateAttachments.fileId), eq(storedFiles.workspaceId, workspaceId)))
    .where(and(eq(templateAttachments.templateId, templateId), eq(templateAttachments.workspaceId, workspaceId)))
    .orderBy(asc(templateAttachments.createdAt), asc(storedFiles.filename));
  return {
    items: rows.map(toFileMeta),
    totalBytes: rows.reduce((sum, row) => sum + row.sizeBytes, 0),
    limitBytes: limits.messageAttachmentsMaxBytes,
    fileMaxBytes: limits.attachmentMaxBytes,
  };
};
