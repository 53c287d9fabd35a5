import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { db, type Executor } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { compileSegmentWhere } from "./compile-segment";
import { findSegment } from "./find-segment";
import { prepareSegmentDefinition } from "./prepare-segment-definition";

/** A saved segment, or a definition being edited (the builder's live preview). */
export type SegmentSource = { segmentId: string; definition?: undefined } | { definition: unknown; segmentId?: undefined };

export const STATEMENT_TIMEOUT_MS = 30_000;

/**
 * Settings for one transaction that evaluates a compiled segment; callers of compileSegmentWhere
 * (exports, campaign audiences) should apply them too. The timeout bounds a runaway definition.
 * work_mem: an event rule inside an OR group runs as a hashed subplan only when the set of
 * matching contacts fits in memory (about 50 MB per million contacts); otherwise Postgres falls
 * back to rescanning the set for every contact, which takes minutes instead of a second.
 */
export const applySegmentQuerySettings = async (executor: Executor) => {
  await executor.execute(
    sql`select set_config('statement_timeout', ${String(STATEMENT_TIMEOUT_MS)}, true), set_config('work_mem', '64MB', true)`,
  );
};

/**
 * Runs a query over a segment's contacts: loads or takes the definition, checks it against the
 * workspace as it is now (an attribute may have been deleted or retyped since the segment was
 * saved), compiles it, and runs `query` in a transaction with a statement timeout, so one runaway
 * preview cannot hold a connection for minutes.
 */
export const querySegment = async <T>(
  { workspaceId, now, ...source }: { workspaceId: string; now?: Date } & SegmentSource,
  query: (where: SQL, executor: Executor) => Promise<T>,
): Promise<T> => {
  const stored = source.segmentId !== undefined ? (await findSegment({ workspaceId, segmentId: source.segmentId })).definition : source.definition;
  const definition = await prepareSegmentDefinition({ workspaceId, definition: stored });
  const where = compileSegmentWhere(definition, { workspaceId, now });
  try {
    return await db.transaction(async (tx) => {
      await applySegmentQuerySettings(tx);
      return query(where, tx);
    });
  } catch (error) {
    if ((error as { code?: string }).code === "57014") {
      throw new AppError(
        "PRECONDITION_FAILED",
        `This segment took longer than ${STATEMENT_TIMEOUT_MS / 1000} seconds to evaluate; try narrowing its event rules with a time window`,
      );
    }
    throw error;
  }
};
