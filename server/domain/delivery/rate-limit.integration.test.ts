import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { env } from "@/server/env";
import { acquireSends } from "./rate-limit";

describe("rate limits shared through Postgres", () => {
  it("two senders on separate connections never exceed the limit in any window, and together use it", async () => {
    const key = `test:${randomUUID()}`;
    const limit = { key, limit: 40, window: "1 second" as const };
    const deadline = Date.now() + 2_500;
    const sender = async () => {
      let sent = 0;
      while (Date.now() < deadline) sent += await acquireSends([limit], 10);
      return sent;
    };
    // A second client, as a second worker process would have.
    const other = postgres(env().DATABASE_URL, { max: 2 });
    const otherSender = async () => {
      let sent = 0;
      while (Date.now() < deadline) {
        const [row] = await other`select granted from herald_take_rate(${key}, ${40}, ${10}, '1 second'::interval)`;
        sent += Number(row!.granted);
        if (Number(row!.granted) < 10) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return sent;
    };
    const [a, b] = await Promise.all([sender(), otherSender()]);
    await other.end();
    const windows = await db.execute<{ count: number }>(sql`select count from rate_limit_windows where key = ${key} order by window_start`);
    expect(windows.length).toBeGreaterThanOrEqual(2);
    for (const window of windows) expect(Number(window.count)).toBeLessThanOrEqual(40);
    expect(a + b).toBe(windows.reduce((sum, w) => sum + Number(w.count), 0));
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
  });

  it("a campaign throttle per hour holds too: nothing past the cap in the window", async () => {
    const key = `test:${randomUUID()}`;
    const granted = await acquireSends([{ key, limit: 25, window: "1 hour" }], 25);
    expect(granted).toBe(25);
    const [row] = await db.execute<{ granted: number }>(sql`select granted from herald_take_rate(${key}, 25, 5, '1 hour'::interval)`);
    expect(Number(row!.granted)).toBe(0);
  });
});
