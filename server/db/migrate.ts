import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { runMigrations } from "graphile-worker";
import postgres from "postgres";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const MIGRATIONS_FOLDER = path.join(root, "drizzle/migrations");

/**
 * Brings a database up to date: Herald's own schema (Drizzle's generated SQL, in order, once each)
 * and graphile-worker's schema (its own migrator). Safe to run from several processes at once:
 * both take an advisory lock.
 */
export const migrateDatabase = async (databaseUrl: string) => {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    // Drizzle's migrator has no lock of its own; serialise concurrent starters here.
    await sql`select pg_advisory_lock(7243018)`;
    await migrate(drizzle(sql), { migrationsFolder: MIGRATIONS_FOLDER });
    await sql`select pg_advisory_unlock(7243018)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  await runMigrations({ connectionString: databaseUrl, logger: undefined });
};
