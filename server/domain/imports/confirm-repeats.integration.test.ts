import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { sqlClient } from "@/server/db/client";
import { batchTableName, createBatchTable, dropStagingTables } from "./import-staging";
import { confirmRepeats } from "./prepare-import-batch";

const importId = randomUUID();

afterAll(() => dropStagingTables(sqlClient(), importId));

describe("confirmRepeats", () => {
  it("confirms named lines by lookup, and checks a row whose email hash only collided against every staged row", async () => {
    const sql = sqlClient();
    const [first, second] = [batchTableName(importId, 0), batchTableName(importId, 1)];
    for (const table of [first, second]) await createBatchTable(sql, table);
    await sql`insert into ${sql(first)} (line, email, phone) values (2, 'a@example.com', '+85291234567'), (3, 'b@example.com', null), (4, 'x@example.com', null)`;
    await sql`insert into ${sql(second)} (line, email, phone) values (5, 'a@example.com', null), (6, null, '+85291234567'), (7, 'b@example.com', null), (8, 'new@example.com', null)`;
    const tables = [
      { table: first, firstLine: 2, lastLine: 4 },
      { table: second, firstLine: 5, lastLine: 8 },
    ];
    const repeats = await sql.begin((tx) =>
      confirmRepeats(tx, tables, [
        { line: 5, email: "a@example.com", phone: null, email_seen_on: 2, phone_seen_on: null },
        { line: 6, email: null, phone: "+85291234567", email_seen_on: null, phone_seen_on: 2 },
        // Named line 4 (a hash collision with x@): really a repeat of line 3, found by the full check.
        { line: 7, email: "b@example.com", phone: null, email_seen_on: 4, phone_seen_on: null },
        // A collision and nothing else: not a repeat.
        { line: 8, email: "new@example.com", phone: null, email_seen_on: 3, phone_seen_on: null },
      ]),
    );
    expect(repeats.sort((a, b) => a.line - b.line)).toEqual([
      { line: 5, reason: "duplicate in file: email a@example.com is also on line 2" },
      { line: 6, reason: "duplicate in file: phone +85291234567 is also on line 2" },
      { line: 7, reason: "duplicate in file: email b@example.com is also on line 3" },
    ]);
  });
});
