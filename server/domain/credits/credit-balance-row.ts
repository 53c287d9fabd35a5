import { and, eq, sql } from "drizzle-orm";
import { creditBalances } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";

/** A numeric parameter from a JS number, at the column's 4 decimals (no binary float tails in SQL). */
export const creditsParam = (value: number) => sql`${value.toFixed(4)}::numeric`;

/**
 * Makes sure the workspace has a balance row (workspaces from before credits existed have none).
 * `on conflict do nothing` neither waits on nor locks an existing row, so it is safe beside running debits.
 */
export const ensureCreditBalance = async (executor: Executor, workspaceId: string) => {
  await executor.insert(creditBalances).values({ workspaceId, balance: 0 }).onConflictDoNothing({ target: creditBalances.workspaceId });
};

/** The balance as this executor sees it; 0 for a workspace without a row. */
export const readCreditBalance = async (executor: Executor, workspaceId: string): Promise<number> => {
  const [row] = await executor
    .select({ balance: creditBalances.balance })
    .from(creditBalances)
    .where(eq(creditBalances.workspaceId, workspaceId));
  return row?.balance ?? 0;
};

/**
 * Moves the balance by `delta` in one statement, only if it stays at zero or above; the new balance,
 * or null when it would go negative (or the row is missing). Concurrent callers queue on the row lock
 * and each re-checks the condition against the row as the previous one committed it (READ COMMITTED),
 * so two of them can never both spend the same credits.
 */
export const changeCreditBalance = async (executor: Executor, workspaceId: string, delta: number): Promise<number | null> => {
  const [row] = await executor
    .update(creditBalances)
    .set({ balance: sql`${creditBalances.balance} + ${creditsParam(delta)}`, updatedAt: sql`now()` })
    .where(and(eq(creditBalances.workspaceId, workspaceId), sql`${creditBalances.balance} + ${creditsParam(delta)} >= 0`))
    .returning({ balance: creditBalances.balance });
  return row ? row.balance : null;
};

/** numeric(14, 4) tops out below 10,000,000,000: a balance past that fails with SQLSTATE 22003. */
export const isNumericOverflow = (error: unknown): boolean => {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown };
    if (candidate.code === "22003") return true;
    current = candidate.cause;
  }
  return false;
};
