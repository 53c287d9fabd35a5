import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";

export type Health = { ok: boolean; database: { ok: boolean; latencyMs: number; error?: string } };

/** Round-trips to Postgres; a process that cannot reach its database is not healthy. */
export const checkHealth = async (): Promise<Health> => {
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
    return { ok: true, database: { ok: true, latencyMs: Math.round(performance.now() - started) } };
  } catch (error) {
    return {
      ok: false,
      database: { ok: false, latencyMs: Math.round(performance.now() - started), error: (error as Error).message },
    };
  }
};
