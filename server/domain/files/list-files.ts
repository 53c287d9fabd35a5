import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { storedFiles } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { ZFilePurpose } from "./file-rules";
import { FILE_META_COLUMNS, toFileMeta } from "./stored-file-meta";

export const ZListFiles = z.object({
  purpose: ZFilePurpose.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).nullish(),
});

export type ListFilesOptions = z.input<typeof ZListFiles> & { workspaceId: string };

const encodeCursor = (createdAt: Date, id: string) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
const decodeCursor = (cursor: string) => {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at ?? "");
  if (Number.isNaN(createdAt.getTime()) || !z.uuid().safeParse(id).success) {
    throw new AppError("BAD_REQUEST", "The cursor is not valid; start again without one", { cursor: ["not a valid cursor"] });
  }
  return { createdAt, id: id! };
};

// created_at has microseconds; the cursor keeps milliseconds, so order and compare at that precision.
const createdAtMs = sql`date_trunc('milliseconds', ${storedFiles.createdAt})`;

/** The workspace's files, newest first, a page at a time: names, types and sizes, never the bytes. */
export const listFiles = async ({ workspaceId, ...input }: ListFilesOptions) => {
  const { purpose, limit, cursor } = ZListFiles.parse(input);
  const where: SQL[] = [eq(storedFiles.workspaceId, workspaceId)];
  if (purpose) where.push(eq(storedFiles.purpose, purpose));
  if (cursor) {
    const after = decodeCursor(cursor);
    where.push(sql`(${createdAtMs}, ${storedFiles.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`);
  }
  const rows = await db
    .select(FILE_META_COLUMNS)
    .from(storedFiles)
    .where(and(...where))
    .orderBy(desc(createdAtMs), desc(storedFiles.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(toFileMeta);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
};
