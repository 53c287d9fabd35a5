import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { closeDb } from "@/server/db/client";
import { migrateDatabase } from "@/server/db/migrate";

/**
 * Gives a test file a database of its own on the run's Postgres, for tests that spawn real worker
 * processes: a running worker takes every job it knows, and the run's shared queue holds other test
 * files' jobs (an SMS batch whose test SMSC is gone, a campaign another file is pausing), which would
 * slow or skew this file's measurements. Call it at the top level of the test file, before anything
 * reads the configuration; this file's own queries then use that database too.
 */
export const useOwnDatabase = (prefix: string) => {
  const runDatabaseUrl = process.env.DATABASE_URL!;
  const name = `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const url = Object.assign(new URL(runDatabaseUrl), { pathname: `/${name}` }).toString();
  process.env.DATABASE_URL = url;
  beforeAll(async () => {
    const admin = postgres(runDatabaseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    await migrateDatabase(url);
  });
  afterAll(async () => {
    await closeDb();
    const admin = postgres(runDatabaseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });
  return url;
};
