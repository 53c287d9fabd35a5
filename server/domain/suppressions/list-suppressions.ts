import { and, count, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { suppressions, users } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { SUPPRESSION_KINDS, SUPPRESSION_REASONS } from "./suppression-entry";

export const ZListSuppressions = z.object({
  /** Part of the address, domain or number. */
  search: z.string().trim().max(320).optional(),
  kind: z.enum(SUPPRESSION_KINDS).optional(),
  reason: z.enum(SUPPRESSION_REASONS).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).nullish(),
});

export type ListSuppressionsOptions = z.input<typeof ZListSuppressions> & { workspaceId: string };

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
const createdAtMs = sql`date_trunc('milliseconds', ${suppressions.createdAt})`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first, a page at a time (keyset on created_at, id), with the number matching the filter. */
export const listSuppressions = async ({ workspaceId, ...input }: ListSuppressionsOptions) => {
  const { search, kind, reason, limit, cursor } = ZListSuppressions.parse(input);
  const filters: SQL[] = [eq(suppressions.workspaceId, workspaceId)];
  if (kind) filters.push(eq(suppressions.kind, kind));
  if (reason) filters.push(eq(suppressions.reason, reason));
  // Values are stored lower-case and numbers without spaces, so search the same way.
  const needle = search?.toLowerCase().replace(/^\+?[\d\s().-]+$/, (phone) => phone.replace(/[\s().-]/g, ""));
  if (needle) filters.push(ilike(suppressions.value, `%${escapeLike(needle)}%`));

  const page: SQL[] = [...filters];
  if (cursor) {
    const after = decodeCursor(cursor);
    page.push(sql`(${createdAtMs}, ${suppressions.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`);
  }
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: suppressions.id,
        kind: suppressions.kind,
        value: suppressions.value,
        reason: suppressions.reason,
        note: suppressions.note,
        createdAt: suppressions.createdAt,
        createdByName: users.name,
      })
      .from(suppressions)
      .leftJoin(users, eq(users.id, suppressions.createdBy))
      .where(and(...page))
      .orderBy(desc(createdAtMs), desc(suppressions.id))
      .limit(limit + 1),
    db.select({ n: count() }).from(suppressions).where(and(...filters)),
  ]);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, total: total?.n ?? 0, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
};
