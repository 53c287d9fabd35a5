import { and, eq } from "drizzle-orm";
import { templateAttachments } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { FileLimits } from "./file-rules";
import { listTemplateAttachments } from "./list-template-attachments";
import { requireTemplate } from "./template-for-files";

/** Takes a file off a template; the file itself stays in the workspace's files (other templates may use it). */
export const detachFileFromTemplate = async ({
  workspaceId,
  templateId,
  fileId,
  limits,
}: {
  workspaceId: string;
  templateId: string;
  fileId: string;
  limits?: FileLimits;
}) =>
  db.transaction(async (tx) => {
    await requireTemplate(tx, { workspaceId, templateId }, true);
    const removed = await tx
      .delete(templateAttachments)
      .where(
        and(eq(templateAttachments.templateId, templateId), eq(templateAttachments.fileId, fileId), eq(templateAttachments.workspaceId, workspaceId)),
      )
      .returning({ fileId: templateAttachments.fileId });
    if (removed.length === 0) throw new AppError("NOT_FOUND", "That file is not attached to this template");
    return listTemplateAttachments({ workspaceId, templateId, limits }, tx);
  });
