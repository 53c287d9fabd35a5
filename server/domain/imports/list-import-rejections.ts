import { and, asc, eq, gt } from "drizzle-orm";
import { importRejections } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { findImportRow } from "./import-fields";

/** An import's rejected rows in line order (the first `limit` after `afterLine`). */
export const listImportRejections = async ({
  workspaceId,
  importId,
  limit = 100,
  afterLine = 0,
}: {
  workspaceId: string;
  importId: string;
  limit?: number;
  afterLine?: number;
}) => {
  await findImportRow({ workspaceId, importId });
  return db
    .select({ line: importRejections.line, reason: importRejections.reason, raw: importRejections.raw })
    .from(importRejections)
    .where(and(eq(importRejections.importId, importId), gt(importRejections.line, afterLine)))
    .orderBy(asc(importRejections.line))
    .limit(limit);
};
