import { and, desc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { creditLedger, users } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { invalidField } from "@/server/errors";
import { creditLedgerColumns } from "./credit-ledger-entry";
import { ZCreditEntryKind } from "./credit-rules";

export const ZListCreditLedger = z.object({
  kind: ZCreditEntryKind.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

type LedgerCursor = { at: string; id: number };

const encodeCursor = ({ at, id }: LedgerCursor) => Buffer.from(JSON.stringify([at, id])).toString("base64url");

const decodeCursor = (raw: string): LedgerCursor => {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && /^\d{4}-\d{2}-\d{2} [\d:.]+[+-]\d{2}(:\d{2})?$/.test(at) && Number.isSafeInteger(id)) {
      return { at, id: id as number };
    }
  } catch {
    // fall through
  }
  throw invalidField("cursor", "The page cursor is not valid; start from the first page");
};

/**
 * The ledger newest first, a page at a time by (created_at, id): the (workspace_id, created_at)
 * index serves it, and id breaks ties between entries of one transaction (they share now()).
 */
export const listCreditLedger = async ({ workspaceId, ...input }: z.input<typeof ZListCreditLedger> & { workspaceId: string }) => {
  const { kind, cursor, limit = 50 } = parseInput(ZListCreditLedger, input);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db
    .select({ ...creditLedgerColumns, createdByName: users.name, cursorAt: sql<string>`${creditLedger.createdAt}::text` })
    .from(creditLedger)
    .leftJoin(users, eq(users.id, creditLedger.createdBy))
    .where(
      and(
        eq(creditLedger.workspaceId, workspaceId),
        kind ? eq(creditLedger.kind, kind) : undefined,
        after
          ? or(
              sql`${creditLedger.createdAt} < ${after.at}::timestamptz`,
              and(sql`${creditLedger.createdAt} = ${after.at}::timestamptz`, sql`${creditLedger.id} < ${after.id}`),
            )
          : undefined,
      ),
    )
    .orderBy(desc(creditLedger.createdAt), desc(creditLedger.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ cursorAt: _cursorAt, ...entry }) => entry),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
};

export type CreditLedgerEntry = Awaited<ReturnType<typeof listCreditLedger>>["entries"][number];
