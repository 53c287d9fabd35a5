import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/drizzle/schema";
import { env } from "@/server/env";

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction or the database itself: domain helpers accept either so callers can compose them. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

type Handle = { sql: postgres.Sql; db: Database };

// One pool per process. Next's dev server reloads modules, so the handle lives on globalThis.
const globalForDb = globalThis as unknown as { heraldDb?: Handle };

const open = (): Handle => {
  const sql = postgres(env().DATABASE_URL, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    connection: { application_name: process.env.HERALD_PROCESS ?? "herald" },
  });
  return { sql, db: drizzle(sql, { schema }) };
};

const handle = (): Handle => (globalForDb.heraldDb ??= open());

/** The process-wide Drizzle database. Opened lazily so importing a module never connects. */
export const db: Database = new Proxy({} as Database, {
  get: (_target, property) => Reflect.get(handle().db, property),
});

export const sqlClient = (): postgres.Sql => handle().sql;

export const closeDb = async (): Promise<void> => {
  const current = globalForDb.heraldDb;
  globalForDb.heraldDb = undefined;
  await current?.sql.end({ timeout: 5 });
};
