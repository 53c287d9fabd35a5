import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "./client";
import { analyzeStaleTables } from "./analyze-stale-tables";

// A table of its own: the shared test database's real tables change under other test files.
const TABLE = "analyze_stale_probe";
const lastAnalysed = async () => {
  const [row] = await db.execute<{ reltuples: number }>(sql`select reltuples::float8 as reltuples from pg_class where relname = ${TABLE}`);
  return Number(row!.reltuples);
};

beforeAll(async () => {
  await db.execute(sql`drop table if exists ${sql.identifier(TABLE)}`);
  await db.execute(sql`create table ${sql.identifier(TABLE)} (id int primary key, note text)`);
});
afterAll(async () => {
  await db.execute(sql`drop table if exists ${sql.identifier(TABLE)}`);
});

describe("analyzeStaleTables", () => {
  it("analyses a table never analysed, leaves it alone once fresh, and again after a bulk insert", async () => {
    await db.execute(sql`insert into ${sql.identifier(TABLE)} select g, 'x' from generate_series(1, 100) g`);
    expect(await analyzeStaleTables(db, [TABLE, "no_such_table"])).toEqual([TABLE]);
    expect(await lastAnalysed()).toBe(100);
    expect(await analyzeStaleTables(db, [TABLE])).toEqual([]);

    // 20,000 more rows: many more pages than when analysed, noticed at once (no waiting for the stats collector).
    await db.execute(sql`insert into ${sql.identifier(TABLE)} select g, repeat('x', 100) from generate_series(101, 20100) g`);
    expect(await analyzeStaleTables(db, [TABLE])).toEqual([TABLE]);
    expect(await lastAnalysed()).toBe(20_100);
  });

  it("counts rows inserted earlier in the caller's transaction", async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into ${sql.identifier(TABLE)} select g, repeat('y', 100) from generate_series(30000, 60000) g`);
      expect(await analyzeStaleTables(tx, [TABLE])).toEqual([TABLE]);
    });
    expect(await lastAnalysed()).toBe(50_101);
  });
});
