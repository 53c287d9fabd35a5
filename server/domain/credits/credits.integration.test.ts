import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { creditBalances, creditLedger } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { addTestMember, callerFor, callerFromHeaders, createTestApiKey, createTestWorkspace } from "@/server/testing/fixtures";
import { adjustCredits } from "./adjust-credits";
import { creditSpendByDay } from "./credit-spend-by-day";
import { emailCredits, emailMessagePrice, smsMessagePrice, sumCredits } from "./credit-prices";
import { debitCredits, refundCredits, type DebitCreditsResult } from "./debit-credits";
import { getCreditBalance } from "./get-credit-balance";
import { listCreditLedger } from "./list-credit-ledger";
import { topUpCredits } from "./top-up-credits";

// Each file runs in its own process and the pool opens on first use: room for the race below to
// hold 20 transactions open at once instead of queueing them on the default 10 connections.
process.env.DATABASE_POOL_SIZE = "30";

const balanceOf = async (workspaceId: string) => (await getCreditBalance({ workspaceId })).balance;
const ledgerOf = async (workspaceId: string) => (await listCreditLedger({ workspaceId, limit: 200 })).entries;

/** A workspace whose balance is exactly `credits` (from the 1,000 it starts with). */
const workspaceWith = async (credits: number) => {
  const { workspace, owner } = await createTestWorkspace();
  await adjustCredits({ workspaceId: workspace.id, createdBy: owner.id, amount: credits - 1000, note: "Test setup" });
  return { workspaceId: workspace.id, owner };
};

describe("starting credits", () => {
  it("every new workspace starts with 1,000 credits as a top-up named Starting credits, from nobody", async () => {
    const { workspace } = await createTestWorkspace();
    expect(await getCreditBalance({ workspaceId: workspace.id })).toEqual({ balance: 1000, emailPrice: 1 });
    expect(await ledgerOf(workspace.id)).toEqual([
      expect.objectContaining({ kind: "top_up", amount: 1000, note: "Starting credits", createdBy: null, createdByName: null, channel: null }),
    ]);
  });
});

describe("top-ups and adjustments", () => {
  it("adds credits with a ledger entry naming who, and checks the amount by field", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const workspaceId = workspace.id;
    const result = await topUpCredits({ workspaceId, createdBy: owner.id, amount: 500.1234, note: " Invoice 42 " });
    expect(result).toMatchObject({ balance: 1500.1234, entry: { kind: "top_up", amount: 500.1234, note: "Invoice 42", createdBy: owner.id } });
    expect((await ledgerOf(workspaceId))[0]).toMatchObject({ createdByName: "Owner", amount: 500.1234 });

    const problems: Array<[unknown, string]> = [
      [0, "The amount must be more than 0"],
      [-5, "The amount must be more than 0"],
      [10_000_000.5, "The amount must be at most 10,000,000"],
      [1.23456, "Use at most 4 decimal places"],
      [Number.NaN, "Enter the credits to add, such as 500"],
      ["500", "Enter the credits to add, such as 500"],
    ];
    for (const [amount, message] of problems) {
      await expect(topUpCredits({ workspaceId, createdBy: owner.id, amount: amount as number }), String(amount)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { amount: [message] },
      });
    }
    await expect(topUpCredits({ workspaceId, createdBy: owner.id, amount: 1, note: "x".repeat(501) })).rejects.toMatchObject({
      fieldErrors: { note: ["The note must be at most 500 characters"] },
    });
    expect(await topUpCredits({ workspaceId, createdBy: owner.id, amount: 10_000_000 })).toMatchObject({ balance: 10_001_500.1234 });
    expect(await ledgerOf(workspaceId)).toHaveLength(3);
  });

  it("adjusts either way with a reason, but never below zero, naming the balance", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const workspaceId = workspace.id;
    expect(await adjustCredits({ workspaceId, createdBy: owner.id, amount: -999.5, note: "Refunded by bank" })).toMatchObject({
      balance: 0.5,
      entry: { kind: "adjustment", amount: -999.5, note: "Refunded by bank" },
    });
    await expect(adjustCredits({ workspaceId, createdBy: owner.id, amount: -1, note: "Too much" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { amount: ["The balance is 0.5 credits; an adjustment can take away at most 0.5"] },
    });
    await expect(adjustCredits({ workspaceId, createdBy: owner.id, amount: 5, note: "  " })).rejects.toMatchObject({
      fieldErrors: { note: ["Say why, for the ledger"] },
    });
    await expect(adjustCredits({ workspaceId, createdBy: owner.id, amount: 0, note: "Nothing" })).rejects.toMatchObject({
      fieldErrors: { amount: ["The amount cannot be 0"] },
    });
    expect(await adjustCredits({ workspaceId, createdBy: owner.id, amount: -0.5, note: "To zero" })).toMatchObject({ balance: 0 });
    expect(await balanceOf(workspaceId)).toBe(0);
    // The refused ones wrote nothing.
    expect((await ledgerOf(workspaceId)).map((entry) => entry.amount)).toEqual([-0.5, -999.5, 1000]);
  });
});

describe("debits and refunds in the caller's transaction", () => {
  it("debits with a ledger row, refunds, and answers a shortfall without throwing or writing", async () => {
    const { workspaceId } = await workspaceWith(10);
    const campaignId = randomUUID();

    const charged = await db.transaction((tx) =>
      debitCredits(tx, { workspaceId, amount: emailCredits(7), channel: "email", campaignId, messages: 7, note: "Batch 1" }),
    );
    expect(charged).toEqual({ ok: true, balance: 3 });

    const short = await db.transaction((tx) => debitCredits(tx, { workspaceId, amount: 4.25, channel: "sms", campaignId, messages: 5 }));
    expect(short).toEqual({ ok: false, balance: 3, shortBy: 1.25 });

    expect(await db.transaction((tx) => refundCredits(tx, { workspaceId, amount: 2, channel: "email", campaignId, messages: 2 }))).toEqual({ balance: 5 });
    expect(await balanceOf(workspaceId)).toBe(5);

    const entries = await ledgerOf(workspaceId);
    expect(entries.slice(0, 2)).toEqual([
      expect.objectContaining({ kind: "refund", amount: 2, channel: "email", campaignId, messages: 2 }),
      expect.objectContaining({ kind: "debit", amount: -7, channel: "email", campaignId, messages: 7, note: "Batch 1", createdBy: null }),
    ]);
    expect(entries.filter((entry) => entry.kind === "debit")).toHaveLength(1);
    // The ledger adds up to the balance.
    expect(entries.reduce((sum, entry) => sum + entry.amount, 0)).toBeCloseTo(5, 4);
  });

  it("a debit rolls back with the caller's transaction, and a zero charge writes nothing", async () => {
    const { workspaceId } = await workspaceWith(10);
    await expect(
      db.transaction(async (tx) => {
        expect(await debitCredits(tx, { workspaceId, amount: 6, channel: "email", messages: 6 })).toEqual({ ok: true, balance: 4 });
        throw new Error("the batch failed after charging");
      }),
    ).rejects.toThrow("the batch failed after charging");
    expect(await balanceOf(workspaceId)).toBe(10);

    expect(await db.transaction((tx) => debitCredits(tx, { workspaceId, amount: 0, channel: "sms", messages: 3 }))).toEqual({ ok: true, balance: 10 });
    expect((await ledgerOf(workspaceId)).filter((entry) => entry.kind === "debit")).toEqual([]);
  });

  it("refuses nonsense figures from the pipeline by field", async () => {
    const { workspaceId } = await workspaceWith(10);
    await expect(db.transaction((tx) => debitCredits(tx, { workspaceId, amount: -1, channel: "email", messages: 1 }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { amount: ["A charge or refund cannot be negative"] },
    });
    await expect(db.transaction((tx) => refundCredits(tx, { workspaceId, amount: 0.00001, channel: "email", messages: 1 }))).rejects.toMatchObject({
      fieldErrors: { amount: ["Use at most 4 decimal places; price with credit-prices.ts"] },
    });
    expect(await balanceOf(workspaceId)).toBe(10);
  });

  it("20 batches racing for the last credits: exactly the affordable number succeed and the balance never goes negative", async () => {
    const { workspaceId } = await workspaceWith(10);
    const { workspaceId: bystander } = await workspaceWith(10);
    const racers = 20;
    // Every transaction opens and waits at the barrier, so all 20 debits hit the row together.
    let arrived = 0;
    let release!: () => void;
    const barrier = new Promise<void>((resolve) => (release = resolve));
    const results = await Promise.all(
      Array.from({ length: racers }, () =>
        db.transaction(async (tx) => {
          await tx.select().from(creditBalances).where(eq(creditBalances.workspaceId, workspaceId));
          if (++arrived === racers) release();
          await barrier;
          return debitCredits(tx, { workspaceId, amount: 1.5, channel: "sms", messages: 30 });
        }),
      ),
    );
    const won = results.filter((result): result is Extract<DebitCreditsResult, { ok: true }> => result.ok);
    const lost = results.filter((result) => !result.ok);
    expect(won).toHaveLength(6); // floor(10 / 1.5)
    expect(lost).toEqual(Array.from({ length: 14 }, () => ({ ok: false, balance: 1, shortBy: 0.5 })));
    expect(won.map((result) => result.balance).sort((x, y) => x - y)).toEqual([1, 2.5, 4, 5.5, 7, 8.5]);
    expect(await balanceOf(workspaceId)).toBe(1);
    const debits = await db
      .select()
      .from(creditLedger)
      .where(and(eq(creditLedger.workspaceId, workspaceId), eq(creditLedger.kind, "debit")));
    expect(debits).toHaveLength(6);
    expect(await balanceOf(bystander)).toBe(10);
  });

  it("leaves other workspaces alone", async () => {
    const { workspaceId } = await workspaceWith(50);
    const { workspace: other } = await createTestWorkspace();
    await db.transaction((tx) => debitCredits(tx, { workspaceId, amount: 20, channel: "email", messages: 20 }));
    await db.transaction((tx) => refundCredits(tx, { workspaceId, amount: 5, channel: "email", messages: 5 }));
    expect(await balanceOf(workspaceId)).toBe(35);
    expect(await balanceOf(other.id)).toBe(1000);
    expect((await ledgerOf(other.id)).map((entry) => entry.kind)).toEqual(["top_up"]);
  });

  it("works for a workspace without a balance row (made before credits): a debit falls short, a refund opens one", async () => {
    const { workspace } = await createTestWorkspace();
    await db.delete(creditBalances).where(eq(creditBalances.workspaceId, workspace.id));
    const workspaceId = workspace.id;
    expect(await db.transaction((tx) => debitCredits(tx, { workspaceId, amount: 2, channel: "email", messages: 2 }))).toEqual({
      ok: false,
      balance: 0,
      shortBy: 2,
    });
    expect(await db.transaction((tx) => refundCredits(tx, { workspaceId, amount: 2, channel: "email", messages: 2 }))).toEqual({ balance: 2 });
  });
});

describe("prices", () => {
  it("an email costs EMAIL_CREDIT_PRICE (1); an SMS its segments times the route's price, to 4 decimals", () => {
    expect(emailMessagePrice()).toBe(1);
    expect(emailCredits(1234)).toBe(1234);
    expect(smsMessagePrice(3, 0.0333)).toBe(0.0999);
    expect(smsMessagePrice(1, 0.05)).toBe(0.05);
    expect(sumCredits([0.1, 0.2, 0.0999])).toBe(0.3999);
  });
});

describe("the ledger and the spend chart", () => {
  it("pages newest first and filters by kind", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const workspaceId = workspace.id;
    for (let i = 1; i <= 5; i++) await topUpCredits({ workspaceId, createdBy: owner.id, amount: i });
    await db.transaction((tx) => debitCredits(tx, { workspaceId, amount: 3, channel: "email", messages: 3 }));

    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCreditLedger({ workspaceId, cursor, limit: 2 });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      seen.push(...page.entries.map((entry) => entry.amount));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([-3, 5, 4, 3, 2, 1, 1000]);

    expect((await listCreditLedger({ workspaceId, kind: "debit" })).entries.map((entry) => entry.amount)).toEqual([-3]);
    expect((await listCreditLedger({ workspaceId, kind: "top_up", limit: 3 })).entries.map((entry) => entry.amount)).toEqual([5, 4, 3]);
    await expect(listCreditLedger({ workspaceId, cursor: "garbage" })).rejects.toMatchObject({ fieldErrors: { cursor: [expect.any(String)] } });
  });

  it("sums debits and refunds per day and channel over the last 30 days", async () => {
    const { workspaceId } = await workspaceWith(100);
    await db.transaction(async (tx) => {
      await debitCredits(tx, { workspaceId, amount: 12, channel: "email", messages: 12 });
      await debitCredits(tx, { workspaceId, amount: 0.15, channel: "sms", messages: 3 });
      await refundCredits(tx, { workspaceId, amount: 2, channel: "email", messages: 2 });
    });
    const now = Date.now();
    // Three days ago, and forty days ago (outside the window).
    await db.insert(creditLedger).values([
      { workspaceId, kind: "debit", amount: -4, channel: "sms", messages: 40, createdAt: new Date(now - 3 * 86_400_000) },
      { workspaceId, kind: "debit", amount: -99, channel: "email", messages: 99, createdAt: new Date(now - 40 * 86_400_000) },
    ]);

    const spend = await creditSpendByDay({ workspaceId });
    expect(spend.series).toHaveLength(30);
    const today = new Date(now).toISOString().slice(0, 10);
    const threeDaysAgo = new Date(now - 3 * 86_400_000).toISOString().slice(0, 10);
    expect(spend.series.at(-1)).toEqual({ day: today, emailSpent: 12, smsSpent: 0.15, emailRefunded: 2, smsRefunded: 0 });
    expect(spend.series.find((day) => day.day === threeDaysAgo)).toEqual({ day: threeDaysAgo, emailSpent: 0, smsSpent: 4, emailRefunded: 0, smsRefunded: 0 });
    // Top-ups and adjustments are not spending; the forty-day-old debit is outside the window.
    expect(spend.totals).toEqual({ spent: 16.15, refunded: 2 });
    await expect(creditSpendByDay({ workspaceId, timezone: "Mars/Olympus" })).rejects.toMatchObject({ fieldErrors: { timezone: [expect.any(String)] } });
  });
});

describe("through tRPC: who may do what", () => {
  it("admins and owners top up; editors and viewers cannot; everyone reads", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { user: admin } = await addTestMember(workspace.id, "admin");
    const { user: editor } = await addTestMember(workspace.id, "editor");
    const { user: viewer } = await addTestMember(workspace.id, "viewer");

    expect(await callerFor(admin, workspace.id).credits.topUp({ amount: 500 })).toMatchObject({ balance: 1500, entry: { createdBy: admin.id } });
    expect(await callerFor(owner, workspace.id).credits.adjust({ amount: -100, note: "Goodwill reversed" })).toMatchObject({ balance: 1400 });
    for (const person of [editor, viewer]) {
      await expect(callerFor(person, workspace.id).credits.topUp({ amount: 500 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(person, workspace.id).credits.adjust({ amount: 5, note: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await callerFor(viewer, workspace.id).credits.balance()).toEqual({ balance: 1400, emailPrice: 1 });
    const ledger = await callerFor(viewer, workspace.id).credits.ledger({});
    expect(ledger.entries.map((entry) => [entry.kind, entry.amount, entry.createdByName])).toEqual([
      ["adjustment", -100, "Owner"],
      ["top_up", 500, "admin member"],
      ["top_up", 1000, null],
    ]);
    expect((await callerFor(editor, workspace.id).credits.spendByDay({})).series).toHaveLength(30);
    await expect(callerFor(admin, workspace.id).credits.topUp({ amount: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("an API key with reports:read reads the balance but cannot top up; one without the scope cannot read", async () => {
    const { workspace, owner } = await createTestWorkspace();
    const { secret } = await createTestApiKey(workspace.id, owner.id, ["reports:read", "send"]);
    const key = await callerFromHeaders({ authorization: `Bearer ${secret}` });
    expect(await key.credits.balance()).toEqual({ balance: 1000, emailPrice: 1 });
    expect((await key.credits.ledger({})).entries).toHaveLength(1);
    await expect(key.credits.topUp({ amount: 5 })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const { secret: contactsOnly } = await createTestApiKey(workspace.id, owner.id, ["contacts:read"]);
    const narrow = await callerFromHeaders({ authorization: `Bearer ${contactsOnly}` });
    await expect(narrow.credits.balance()).rejects.toMatchObject({ code: "FORBIDDEN", message: 'This API key lacks the "reports:read" scope' });
    expect(await balanceOf(workspace.id)).toBe(1000);
  });
});
