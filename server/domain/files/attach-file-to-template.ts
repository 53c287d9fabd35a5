import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { storedFiles, templateAttachments } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError, invalidField } from "@/server/errors";
import { fileLimits, formatMegabytes, ZFileId, ZTemplateId, type FileLimits } from "./file-rules";
import { listTemplateAttachments } from "./list-template-attachments";
import { requireTemplate } from "./template-for-files";

export const ZTemplateFile = z.object({ templateId: ZTemplateId, fileId: ZFileId });

export type AttachFileOptions = z.infer<typeof ZTemplateFile> & { workspaceId: string; limits?: FileLimits };

/**
 * Adds an uploaded attachment to a template, refusing one that would take the message's attachments
 * past the per-message total (base64 makes them a third larger, and many providers stop at 25 MB).
 * Attaching a file that is already attached changes nothing.
 */
export const attachFileToTemplate = async ({ workspaceId, templateId, fileId, limits = fileLimits() }: AttachFileOptions) =>
  db.transaction(async (tx) => {
    await requireTemplate(tx, { workspaceId, templateId }, true);
    const [file] = await tx
      .select({ id: storedFiles.id, purpose: storedFiles.purpose, filename: storedFiles.filename, sizeBytes: storedFiles.sizeBytes })
      .from(storedFiles)
      .where(and(eq(storedFiles.id, fileId), eq(storedFiles.workspaceId, workspaceId)));
    if (!file) throw new AppError("NOT_FOUND", "File not found", { fileId: ["File not found"] });
    if (file.purpose !== "attachment") {
      throw invalidField("fileId", `${file.filename} was uploaded as an image for designs; upload it as an attachment to attach it`);
    }

    const current = await listTemplateAttachments({ workspaceId, templateId, limits }, tx);
    if (current.items.some((item) => item.id === fileId)) return current;
    const total = current.totalBytes + file.sizeBytes;
    if (total > limits.messageAttachmentsMaxBytes) {
      throw invalidField(
        "fileId",
        `Attachments on one message can add up to at most ${formatMegabytes(limits.messageAttachmentsMaxBytes)}: ` +
          `this template already has ${formatMegabytes(current.totalBytes)} and ${file.filename} is ${formatMegabytes(file.sizeBytes)}`,
      );
    }
    await tx.insert(templateAttachments).values({ templateId, fileId, workspaceId }).onConflictDoNothing();
    return listTemplateAttachments({ workspaceId, templateId, limits }, tx);
  });
