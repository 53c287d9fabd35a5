import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { countryName } from "./dnc-countries";

export const dncRefreshJobKey = (registryId: string) => `dnc-refresh:${registryId}`;

export type DncRegistrySummary = {
  id: string;
  country: string;
  countryName: string;
  name: string;
  sourceUrl: string | null;
  refreshIntervalHours: number | null;
  numberCount: number;
  lastRefreshedAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  /** A refresh is queued or running in the worker. */
  refreshPending: boolean;
};

type Row = Omit<DncRegistrySummary, "countryName" | "lastRefreshedAt" | "lastAttemptAt" | "createdAt"> & {
  lastRefreshedAt: string | null;
  lastAttemptAt: string | null;
  createdAt: string;
};

const date = (value: string | null) => (value ? new Date(value) : null);

export const listDncRegistries = async ({ workspaceId }: { workspaceId: string }): Promise<DncRegistrySummary[]> => {
  const rows = await db.execute<Row>(sql`
    select r.id, r.country, r.name, r.source_url as "sourceUrl", r.refresh_interval_hours as "refreshIntervalHours",
      r.number_count as "numberCount", r.last_refreshed_at as "lastRefreshedAt", r.last_attempt_at as "lastAttemptAt",
      r.last_error as "lastError", r.created_at as "createdAt",
      exists (
        select 1 from graphile_worker.jobs j
        -- Waiting, retrying or running (a running job already counts its attempt); not failed for good.
        where j.key = 'dnc-refresh:' || r.id and (j.locked_at is not null or j.attempts < j.max_attempts)
      ) as "refreshPending"
    from dnc_registries r
    where r.workspace_id = ${workspaceId}
    order by r.country`);
  return rows.map((row) => ({
    ...row,
    countryName: countryName(row.country),
    lastRefreshedAt: date(row.lastRefreshedAt),
    lastAttemptAt: date(row.lastAttemptAt),
    createdAt: new Date(row.createdAt),
  }));
};
