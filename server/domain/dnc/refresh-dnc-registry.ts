import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { and, eq } from "drizzle-orm";
import type postgres from "postgres";
import { dncRegistries } from "@/drizzle/schema";
import { db, sqlClient } from "@/server/db/client";
import { AppError, isAppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { fetchPublicUrl, FetchFailedError, UrlRefusedError } from "@/server/net/fetch-public-url";
import { countryName } from "./dnc-countries";
import { DncParseError, dncNumbers, readLines, type DncLineStats } from "./dnc-number-lines";

export type DncSource =
  /** Download the register's configured source URL. */
  | { kind: "url" }
  /** A file someone uploaded: its bytes as they arrive. */
  | { kind: "upload"; body: AsyncIterable<Uint8Array | string> };

export type RefreshDncRegistryOptions = {
  workspaceId: string;
  registryId: string;
  source: DncSource;
  /** Accept a list the safety checks would refuse: no numbers, shrunk by more than half, mostly invalid lines. */
  force?: boolean;
  /** Overall limit on the download and load (default 15 minutes). */
  timeoutMs?: number;
};

type Counts = { lines: number; invalidLines: number; invalidSamples: DncLineStats["samples"] };

export type RefreshDncRegistryResult =
  | ({ ok: true; generation: number; numberCount: number; previousCount: number; durationMs: number } & Counts)
  | ({
      ok: false;
      error: string;
      /** Worth retrying later (network trouble, a 5xx), as opposed to a list that was refused. */
      retryable: boolean;
      /** The count of the list still in force. */
      numberCount: number;
    } & Counts);

/** Lists that shrink by more than this fraction in one refresh are refused unless forced. */
export const MAX_SHRINK = 0.5;
const DEFAULT_TIMEOUT_MS = 15 * 60 * 1000;
// pg_try_advisory_lock(class, key): one refresh per register at a time, across every process.
const LOCK_CLASS = 7_243_201;
const COPY_CHUNK = 64 * 1024;

/** Thrown inside the refresh for a list that loaded but must not go into force. */
class RefusedListError extends Error {}

const copyNumbers = async (connection: postgres.ReservedSql, numbers: AsyncIterable<string>) => {
  const writable: Writable = await connection`copy dnc_load (phone) from stdin`.writable();
  // Errors are read from here rather than thrown by the stream, which nobody may be listening to when
  // it fails (we may be waiting on the download at that moment).
  let failure: Error | null = null;
  writable.on("error", (error) => (failure ??= error));
  const write = async (chunk: string) => {
    if (failure) throw failure;
    if (!writable.write(chunk)) await once(writable, "drain");
  };
  try {
    let buffer = "";
    for await (const phone of numbers) {
      buffer += `${phone}\n`;
      if (buffer.length >= COPY_CHUNK) {
        await write(buffer);
        buffer = "";
      }
    }
    if (buffer) await write(buffer);
    writable.end();
    // postgres.js finishes the stream when Postgres confirms the COPY; should Postgres refuse it after
    // the last byte, the stream would never finish, hence the deadline.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      finished(writable),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("Postgres did not confirm the loaded numbers")), 5 * 60 * 1000);
      }),
    ]).finally(() => clearTimeout(timer));
  } catch (error) {
    // Aborts the COPY (CopyFail): Postgres discards every row it had received.
    if (!writable.destroyed) writable.destroy(error as Error);
    throw error;
  }
};

const describe = (error: unknown, timedOut: boolean): { message: string; retryable: boolean } => {
  if (timedOut) return { message: "The download took too long and was stopped", retryable: true };
  if (error instanceof RefusedListError) return { message: error.message, retryable: false };
  if (error instanceof UrlRefusedError || error instanceof DncParseError) return { message: error.message, retryable: false };
  if (error instanceof FetchFailedError) return { message: error.message, retryable: error.retryable };
  const code = (error as { code?: string }).code;
  if (code === "ECONNRESET" || code === "ERR_STREAM_PREMATURE_CLOSE" || (error as Error).message === "aborted") {
    return { message: "The connection was cut before the whole list arrived", retryable: true };
  }
  logger.warn({ err: error }, "Do-Not-Call refresh failed");
  return { message: `The list could not be loaded: ${(error as Error).message}`, retryable: true };
};

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

/**
 * Loads a new copy of a Do-Not-Call register, from its URL or an upload, and puts it in force only if
 * the whole of it arrived and looks right. Numbers stream into dnc_numbers under generation
 * active+1 (COPY into a temporary table, then de-duplicated); the switch of active_generation,
 * number_count and last_refreshed_at is one transaction, after which the old generation is deleted.
 * On any failure (HTTP error, timeout, a cut connection, a file that is not a list, a list that shrank
 * suspiciously) the partial generation is deleted, last_attempt_at/last_error record why, and the
 * previous list stays in force. Expected failures come back as `{ ok: false }`, not as exceptions.
 */
export const refreshDncRegistry = async ({
  workspaceId,
  registryId,
  source,
  force = false,
  timeoutMs = DEFAULT_TIMEOUT_MS,
}: RefreshDncRegistryOptions): Promise<RefreshDncRegistryResult> => {
  const started = performance.now();
  const [registry] = await db
    .select()
    .from(dncRegistries)
    .where(and(eq(dncRegistries.id, registryId), eq(dncRegistries.workspaceId, workspaceId)));
  if (!registry) throw new AppError("NOT_FOUND", "No Do-Not-Call register with that id in this workspace");
  if (source.kind === "url" && !registry.sourceUrl) {
    throw new AppError("BAD_REQUEST", "This register has no source URL: add one, or upload a file of numbers");
  }

  const connection = await sqlClient().reserve();
  let locked = false;
  try {
    const [lock] = await connection<[{ locked: boolean }]>`select pg_try_advisory_lock(${LOCK_CLASS}, hashtext(${registryId})) as locked`;
    if (!lock?.locked) throw new AppError("CONFLICT", "This register is already being refreshed; try again when that finishes");
    locked = true;

    // Read again under the lock: another refresh may have switched generations since.
    const [current] = await connection<[{ active_generation: number; number_count: number }]>`
      select active_generation, number_count from dnc_registries where id = ${registryId}`;
    if (!current) throw new AppError("NOT_FOUND", "No Do-Not-Call register with that id in this workspace");
    const previousCount = current.number_count;
    const generation = current.active_generation + 1;
    // Leftovers of a refresh that died half-way (a crashed process) or of an old generation's delete.
    await connection`delete from dnc_numbers where registry_id = ${registryId} and generation <> ${current.active_generation}`;

    const stats: DncLineStats = { lines: 0, valid: 0, invalid: 0, samples: [] };
    const counts = (): Counts => ({ lines: stats.lines, invalidLines: stats.invalid, invalidSamples: stats.samples });
    const abort = new AbortController();
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, timeoutMs);
    try {
      await connection`create temporary table if not exists dnc_load (phone text not null)`;
      await connection`truncate dnc_load`;
      const body = source.kind === "url" ? await fetchPublicUrl(registry.sourceUrl!, { signal: abort.signal }) : source.body;
      await copyNumbers(connection, dncNumbers(readLines(body), registry.country, stats));
      if (timedOut) throw new Error("timed out");

      const [added] = await connection<[{ n: number }]>`
        with added as (
          insert into dnc_numbers (registry_id, generation, phone)
          select ${registryId}, ${generation}, phone from dnc_load group by phone
          returning 1
        )
        select count(*)::int as n from added`;
      const numberCount = added?.n ?? 0;
      if (!force) {
        if (numberCount === 0) {
          throw new RefusedListError(
            `The file has no valid ${countryName(registry.country)} numbers${stats.invalid ? ` (${plural(stats.invalid, "line")} could not be read)` : ""}`,
          );
        }
        if (stats.invalid > stats.valid) {
          throw new RefusedListError(
            `${plural(stats.invalid, "line")} of ${stats.invalid + stats.valid} are not valid ${countryName(registry.country)} numbers; this does not look like the right file (refresh with force to accept it)`,
          );
        }
        if (previousCount > 0 && numberCount < previousCount * (1 - MAX_SHRINK)) {
          throw new RefusedListError(
            `The new list has ${plural(numberCount, "number")}, less than half of the ${previousCount.toLocaleString("en")} in force; it was not used (refresh with force to accept it)`,
          );
        }
      }

      // The switch: readers see either the old generation or the new one, never a mix.
      await connection`begin`;
      try {
        await connection`
          update dnc_registries
          set active_generation = ${generation}, number_count = ${numberCount},
              last_refreshed_at = now(), last_attempt_at = now(), last_error = null
          where id = ${registryId}`;
        await connection`commit`;
      } catch (error) {
        await connection`rollback`.catch(() => {});
        throw error;
      }
      // Outside the switch, so it never holds the register's row lock; a failure here leaves rows the next refresh removes.
      await connection`delete from dnc_numbers where registry_id = ${registryId} and generation < ${generation}`.catch((error: unknown) =>
        logger.warn({ err: error, registryId }, "could not delete the previous Do-Not-Call generation; the next refresh will"),
      );
      return { ok: true, generation, numberCount, previousCount, durationMs: Math.round(performance.now() - started), ...counts() };
    } catch (error) {
      if (isAppError(error)) throw error;
      const { message, retryable } = describe(error, timedOut);
      // Through the pool: the reserved connection may be what failed.
      const pool = sqlClient();
      await pool`delete from dnc_numbers where registry_id = ${registryId} and generation = ${generation}`;
      await pool`update dnc_registries set last_attempt_at = now(), last_error = ${message} where id = ${registryId}`;
      return { ok: false, error: message, retryable, numberCount: previousCount, ...counts() };
    } finally {
      clearTimeout(deadline);
      abort.abort();
    }
  } finally {
    await connection`drop table if exists dnc_load`.catch(() => {});
    if (locked) await connection`select pg_advisory_unlock(${LOCK_CLASS}, hashtext(${registryId}))`.catch(() => {});
    connection.release();
  }
};
