import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attributeDefinitions, consentEvents, contactImports, contacts, importChunks, listMemberships, lists } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { callerFor, createTestWorkspace } from "@/server/testing/fixtures";
import { startAndRunImport, uploadTestCsv, bodyOf } from "@/server/testing/imports";
import { withSystemMailQueue } from "@/server/testing/system-mail";
import { importJobKey } from "./import-fields";
import type { ColumnTarget, ContactField } from "./import-mapping";
import { runImport } from "./run-import";
import { uploadImport } from "./upload-import";

const setup = async () => {
  const { workspace, owner } = await createTestWorkspace("Imports");
  const caller = callerFor(owner, workspace.id);
  const [list] = await db.insert(lists).values({ workspaceId: workspace.id, name: `Imported ${randomUUID()}` }).returning();
  return { workspaceId: workspace.id, owner, caller, listId: list!.id };
};

const defineAttributes = (workspaceId: string, defs: Array<[string, "text" | "number" | "boolean" | "date" | "list"]>) =>
  db.insert(attributeDefinitions).values(defs.map(([key, type]) => ({ workspaceId, key, label: key, type })));

const contactsOf = (workspaceId: string) =>
  db.select().from(contacts).where(eq(contacts.workspaceId, workspaceId)).orderBy(asc(contacts.email), asc(contacts.phone));

const byEmail = async (workspaceId: string, email: string) =>
  (await db.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.email, email))))[0];

const field = (name: ContactField): ColumnTarget => ({ kind: "field", field: name });
const attribute = (key: string): ColumnTarget => ({ kind: "attribute", key });
const ignore: ColumnTarget = { kind: "ignore" };

const MESSY = [
  "email,phone,first_name,last_name,age,city,vip,signup_date", // 1
  "ann@example.com,+85291234567,Ann,Lee,34,Hong Kong,yes,2024-01-15", // 2 ok
  'bob@example.com,+85366123456,Bob,"Chan, Jr",41,Macau,no,2023-12-01', // 3 ok, quoted delimiter
  "not-an-email,,Carl,,,,,", // 4 invalid email
  ",12345,Dan,,,,,", // 5 invalid phone
  ",,Eve,,,,,", // 6 neither email nor phone
  "ANN@example.com,,Ann again,,,,,", // 7 same email as line 2
  "fay@example.com,+852 9123 4567,Fay,,,,,", // 8 same phone as line 2 (once normalised)
  "gus@example.com,,Gus", // 9 too few columns
  '"hal@example.com",,"Hal ""H"" Ho",,,,,', // 10 ok, escaped quotes
  'ivy@example.com,,I"vy,,,,,', // 11 quote inside an unquoted field
  "jo@example.com,,Jo,,forty,,,", // 12 not a number
  ",,,,,,,", // 13 empty row: skipped, not counted
  "", // 14 blank line: skipped
  '"kim@example.com",,"Kim', // 15 a quoted line break...
  'Kay",,,,,', // 16 ...ends here
  "leo@example.com,+886912345678,Leo,,,,,", // 17 ok: line numbers survive the line break above
  'max@example.com,,"Max,,,,,', // 18 a quote that never closes
  "nat@example.com,,Nat,,,,,", // 19 ok: parsing resumes after line 18
].join("\r\n");

describe("a CSV import, end to end", () => {
  it("lands the good rows, reports every bad one by line and reason, and fills the list", async () => {
    const { workspaceId, owner, caller, listId } = await setup();
    await defineAttributes(workspaceId, [
      ["age", "number"],
      ["city", "text"],
      ["vip", "boolean"],
    ]);
    const upload = await uploadTestCsv(workspaceId, owner.id, MESSY);
    expect(upload.preview).toMatchObject({ encoding: "utf-8", delimiter: ",", columns: ["email", "phone", "first_name", "last_name", "age", "city", "vip", "signup_date"] });
    expect(upload.preview.rows).toHaveLength(5);

    // The suggested mapping: built-in fields by their header, attributes by key, the rest ignored.
    const draft = await caller.imports.get({ importId: upload.importId });
    expect(draft.phase).toBe("mapping");
    expect(draft.mapping?.columns).toEqual([
      field("email"),
      field("phone"),
      field("first_name"),
      field("last_name"),
      attribute("age"),
      attribute("city"),
      attribute("vip"),
      ignore,
    ]);
    const columns = [...draft.mapping!.columns];
    columns[7] = { kind: "new_attribute", key: "signup_date", type: "date" };
    await caller.imports.configure({ importId: upload.importId, columns, policy: "update_existing", listId, defaultCountry: "HK" });

    // Batches of two rows: duplicates are found across batch boundaries as within one.
    const result = await startAndRunImport(caller, upload.importId, { batchRows: 2 });
    expect(result).toMatchObject({ outcome: "completed", rows: 15, rejected: 9, counts: { inserted: 6, updated: 0, skipped: 0 } });

    const done = await caller.imports.get({ importId: upload.importId });
    expect(done).toMatchObject({
      phase: "completed",
      totalRows: 15,
      processedRows: 15,
      insertedRows: 6,
      updatedRows: 0,
      skippedRows: 0,
      rejectedRows: 9,
      error: null,
      listId,
    });
    const rejections = await caller.imports.rejections({ importId: upload.importId });
    expect(rejections.map((r) => [r.line, r.reason])).toEqual([
      [4, 'invalid email: "not-an-email"'],
      [5, 'invalid phone: "12345"'],
      [6, "missing required column: a row needs an email or a phone number"],
      [7, "duplicate in file: email ann@example.com is also on line 2"],
      [8, "duplicate in file: phone +85291234567 is also on line 2"],
      [9, "wrong number of columns: expected 8, found 3"],
      [11, expect.stringMatching(/^bad quoting: a quote inside unquoted column 3/)],
      [12, expect.stringMatching(/^invalid attribute: "age" must be a number/)],
      [18, "bad quoting: a quoted field is never closed"],
    ]);
    expect(rejections.find((r) => r.line === 4)?.raw).toBe("not-an-email,,Carl,,,,,");
    // Duplicates are found by SQL after parsing; their text comes from a second pass over the file.
    expect(rejections.find((r) => r.line === 8)?.raw).toBe("fay@example.com,+852 9123 4567,Fay,,,,,");

    const stored = await contactsOf(workspaceId);
    expect(stored.map((c) => c.email)).toEqual([
      "ann@example.com",
      "bob@example.com",
      "hal@example.com",
      "kim@example.com",
      "leo@example.com",
      "nat@example.com",
    ]);
    const ann = stored[0]!;
    expect(ann).toMatchObject({ phone: "+85291234567", phoneCountry: "HK", firstName: "Ann", lastName: "Lee" });
    expect(ann.attributes).toEqual({ age: 34, city: "Hong Kong", vip: true, signup_date: "2024-01-15" });
    expect(stored[1]).toMatchObject({ lastName: "Chan, Jr", phoneCountry: "MO", attributes: { vip: false } });
    expect(stored[2]!.firstName).toBe('Hal "H" Ho');
    expect(stored[3]!.firstName).toBe("Kim\r\nKay");
    expect(stored[4]).toMatchObject({ phone: "+886912345678", phoneCountry: "TW" });
    const [signupDate] = await db
      .select()
      .from(attributeDefinitions)
      .where(and(eq(attributeDefinitions.workspaceId, workspaceId), eq(attributeDefinitions.key, "signup_date")));
    expect(signupDate?.type).toBe("date");

    const members = await db.select().from(listMemberships).where(eq(listMemberships.listId, listId));
    expect(members).toHaveLength(6);
    expect(members.every((m) => m.status === "subscribed" && m.workspaceId === workspaceId)).toBe(true);
    // The file is deleted once imported; the staging table is gone.
    expect(await db.select().from(importChunks).where(eq(importChunks.importId, upload.importId))).toEqual([]);
    const staging = await db.execute(sql`select 1 from pg_class where relname like ${`import_staging_${upload.importId.replace(/-/g, "")}%`}`);
    expect(staging).toHaveLength(0);
  });

  it("judges each row against every earlier line, whatever the batch size (a repeat of a rejected row is a repeat too)", async () => {
    for (const batchRows of [1, 2, 1000]) {
      const { workspaceId, owner, caller } = await setup();
      const csv = ["email,phone", "a@example.com,+85291234567", "b@example.com,+85291234567", "b@example.com,", "c@example.com,"].join("\n");
      const upload = await uploadTestCsv(workspaceId, owner.id, csv);
      await caller.imports.configure({ importId: upload.importId, columns: [field("email"), field("phone")], policy: "update_existing" });
      expect(await startAndRunImport(caller, upload.importId, { batchRows }), `batches of ${batchRows}`).toMatchObject({
        outcome: "completed",
        rejected: 2,
        counts: { inserted: 2 },
      });
      expect((await caller.imports.rejections({ importId: upload.importId })).map((r) => [r.line, r.reason, r.raw])).toEqual([
        [3, "duplicate in file: phone +85291234567 is also on line 2", "b@example.com,+85291234567"],
        [4, "duplicate in file: email b@example.com is also on line 3", "b@example.com,"],
      ]);
    }
  });

  it("refuses an empty file and a header without rows at upload, keeping nothing", async () => {
    const { workspaceId, owner } = await setup();
    for (const [content, message] of [
      ["", "The file is empty"],
      ["email,first_name\r\n", "The file has a header row but no data rows"],
      ["email,first_name\n\n,\n", "The file has a header row but no data rows"],
      ["\n\n", "The file has no header row (it is blank)"],
    ]) {
      const result = await uploadImport({ workspaceId, createdBy: owner.id, filename: "x.csv", body: bodyOf(content!) });
      expect(result, JSON.stringify(content)).toEqual({ ok: false, status: 422, message });
    }
    const tooBig = await uploadImport({ workspaceId, createdBy: owner.id, filename: "big.csv", body: bodyOf("email\n" + "a@example.com\n".repeat(100)), maxBytes: 500 });
    expect(tooBig).toMatchObject({ ok: false, status: 413 });
    expect(await db.select().from(contactImports).where(eq(contactImports.workspaceId, workspaceId))).toEqual([]);
  });

  it("reads Latin-1 files with semicolons (Müller, José), and consent in the file's language", async () => {
    const { workspaceId, owner, caller } = await setup();
    const latin1 = Buffer.from(
      "E-mail;First name;Last name;Newsletter\r\nmuller@example.com;Jürgen;Müller;oui\r\njose@example.com;José;Núñez;non\r\nzoe@example.com;Zoé;;peut-être\r\n",
      "latin1",
    );
    const upload = await uploadTestCsv(workspaceId, owner.id, latin1, "excel.csv");
    expect(upload.preview).toMatchObject({ encoding: "latin1", delimiter: ";", rows: [["muller@example.com", "Jürgen", "Müller", "oui"], ["jose@example.com", "José", "Núñez", "non"], ["zoe@example.com", "Zoé", "", "peut-être"]] });
    const draft = await caller.imports.get({ importId: upload.importId });
    expect(draft.mapping?.columns).toEqual([field("email"), field("first_name"), field("last_name"), ignore]);
    await caller.imports.configure({ importId: upload.importId, columns: [...draft.mapping!.columns.slice(0, 3), field("email_status")], policy: "add_only" });
    expect(await startAndRunImport(caller, upload.importId)).toMatchObject({ outcome: "completed", rejected: 1, counts: { inserted: 2 } });
    expect((await contactsOf(workspaceId)).map((c) => [c.firstName, c.lastName, c.emailStatus])).toEqual([
      ["José", "Núñez", "unsubscribed"],
      ["Jürgen", "Müller", "subscribed"],
    ]);
    expect(await caller.imports.rejections({ importId: upload.importId })).toEqual([
      {
        line: 4,
        reason: 'invalid email_status: "peut-être" (use subscribed, unsubscribed, pending, bounced, complained, or yes/no)',
        raw: "zoe@example.com;Zoé;;peut-être",
      },
    ]);
  });

  it("checks the mapping: one of email or phone, each target once, attributes and lists of this workspace", async () => {
    const { workspaceId, owner, caller } = await setup();
    const other = await setup();
    const upload = await uploadTestCsv(workspaceId, owner.id, "email,name,plan\na@example.com,Ann,gold\n");
    const configure = (columns: ColumnTarget[], extra: { listId?: string } = {}) =>
      caller.imports.configure({ importId: upload.importId, columns, policy: "add_only", ...extra }).catch((error) => error);
    expect((await configure([ignore, field("first_name"), ignore])).cause?.fieldErrors).toMatchObject({
      columns: ["Map a column to Email or Phone: every contact needs one of them"],
    });
    expect((await configure([field("email"), field("email"), ignore])).cause?.fieldErrors).toMatchObject({
      "columns.1": ["Email is already mapped from column 1"],
    });
    expect((await configure([field("email"), ignore, attribute("plan")])).cause?.fieldErrors).toMatchObject({
      "columns.2": ['There is no attribute "plan" in this workspace'],
    });
    expect((await configure([field("email"), ignore, ignore], { listId: other.listId })).cause?.fieldErrors).toMatchObject({
      listId: ["No list with that id in this workspace"],
    });
    expect((await configure([field("email")])).message).toMatch(/The file has 3 columns/);
    // Another workspace cannot see or touch it.
    await expect(other.caller.imports.get({ importId: upload.importId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.imports.start({ importId: upload.importId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cancels a queued import: the job and the file go, and a late run does nothing", async () => {
    const { workspaceId, owner, caller } = await setup();
    const upload = await uploadTestCsv(workspaceId, owner.id, "email\na@example.com\n");
    await caller.imports.configure({ importId: upload.importId, columns: [field("email")], policy: "add_only" });
    await withSystemMailQueue(async () => {
      const queued = await caller.imports.start({ importId: upload.importId });
      expect(queued).toMatchObject({ phase: "queued", status: "pending", startedAt: null });
      await expect(caller.imports.start({ importId: upload.importId })).rejects.toMatchObject({ code: "CONFLICT" });
      const cancelled = await caller.imports.cancel({ importId: upload.importId });
      expect(cancelled.phase).toBe("cancelled");
    });
    const jobs = await db.execute(sql`select 1 from graphile_worker.jobs where key = ${importJobKey(upload.importId)}`);
    expect(jobs).toHaveLength(0);
    expect(await runImport({ importId: upload.importId })).toEqual({ outcome: "skipped" });
    expect(await contactsOf(workspaceId)).toEqual([]);
    await expect(caller.imports.cancel({ importId: upload.importId })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("imports side by side", () => {
  it("run at the same time without waiting on each other's connections", async () => {
    const runs = await Promise.all(
      [0, 1, 2, 3].map(async (n) => {
        const { workspaceId, owner, caller } = await setup();
        const rows = Array.from({ length: 3000 }, (_, i) => `side${n}-${i}@example.com`);
        const upload = await uploadTestCsv(workspaceId, owner.id, `email\n${rows.join("\n")}\n`);
        await caller.imports.configure({ importId: upload.importId, columns: [field("email")], policy: "add_only" });
        return { caller, importId: upload.importId };
      }),
    );
    await withSystemMailQueue(async () => {
      for (const { caller, importId } of runs) {
        await caller.imports.start({ importId });
        await db.execute(sql`select graphile_worker.remove_job(${importJobKey(importId)})`);
      }
    });
    const results = await Promise.all(runs.map(({ importId }) => runImport({ importId, batchRows: 500 })));
    for (const result of results) expect(result).toMatchObject({ outcome: "completed", counts: { inserted: 3000 } });
  });
});

describe("cancelling a running import", () => {
  it("stops at the next progress check and rolls back everything it had merged", async () => {
    const { workspaceId, owner, caller, listId } = await setup();
    const rows = Array.from({ length: 160_000 }, (_, i) => `bulk${i}@example.com,Bulk ${i}`);
    const upload = await uploadTestCsv(workspaceId, owner.id, `email,first_name\n${rows.join("\n")}\n`);
    await caller.imports.configure({ importId: upload.importId, columns: [field("email"), field("first_name")], policy: "add_only", listId });
    await withSystemMailQueue(async () => {
      await caller.imports.start({ importId: upload.importId });
      await db.execute(sql`select graphile_worker.remove_job(${importJobKey(upload.importId)})`);
    });
    const running = runImport({ importId: upload.importId, batchRows: 10_000 });
    // Cancel once it has read some rows (its first progress report).
    for (let i = 0; i < 600; i++) {
      const [row] = await db.select().from(contactImports).where(eq(contactImports.id, upload.importId));
      if (row!.processedRows > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await caller.imports.cancel({ importId: upload.importId })).phase).toBe("cancelled");
    expect(await running).toEqual({ outcome: "cancelled" });
    expect(await contactsOf(workspaceId)).toEqual([]);
    expect(await db.select().from(listMemberships).where(eq(listMemberships.listId, listId))).toEqual([]);
    expect(await db.select().from(importChunks).where(eq(importChunks.importId, upload.importId))).toEqual([]);
    expect(await caller.imports.get({ importId: upload.importId })).toMatchObject({ phase: "cancelled" });
  });
});

describe("update policies", () => {
  const HK_A = "+85291234567";
  const HK_B = "+85298765432";
  const CSV = ["email,phone,first_name,city,email_status", "a@example.com,,New,,subscribed", `b@example.com,${HK_B},,London,`, "c@example.com,,Cee,Rome,subscribed"].join("\n");

  /** A: known by email, unsubscribed, on the list as unsubscribed. B: known by phone only. */
  const arrange = async () => {
    const context = await setup();
    const { workspaceId, listId } = context;
    await defineAttributes(workspaceId, [
      ["city", "text"],
      ["plan", "text"],
    ]);
    const [a, b] = await db
      .insert(contacts)
      .values([
        { workspaceId, email: "a@example.com", phone: HK_A, phoneCountry: "HK", firstName: "Old", lastName: "Keep", attributes: { city: "Paris", plan: "gold" }, emailStatus: "unsubscribed" },
        { workspaceId, phone: HK_B, phoneCountry: "HK", firstName: "Bee", attributes: { plan: "free" } },
      ])
      .returning();
    await db.insert(listMemberships).values({ listId, contactId: a!.id, workspaceId, status: "unsubscribed" });
    const upload = await uploadTestCsv(workspaceId, context.owner.id, CSV);
    return { ...context, a: a!, b: b!, importId: upload.importId };
  };

  const run = async (policy: "add_only" | "update_existing" | "overwrite") => {
    const context = await arrange();
    await context.caller.imports.configure({
      importId: context.importId,
      columns: [field("email"), field("phone"), field("first_name"), attribute("city"), field("email_status")],
      policy,
      listId: context.listId,
    });
    const result = await startAndRunImport(context.caller, context.importId);
    const a = (await db.select().from(contacts).where(eq(contacts.id, context.a.id)))[0]!;
    const b = (await db.select().from(contacts).where(eq(contacts.id, context.b.id)))[0]!;
    const c = await byEmail(context.workspaceId, "c@example.com");
    const membership = async (contactId: string) =>
      (await db.select().from(listMemberships).where(and(eq(listMemberships.listId, context.listId), eq(listMemberships.contactId, contactId))))[0]?.status;
    const events = await db.select().from(consentEvents).where(eq(consentEvents.workspaceId, context.workspaceId));
    return { ...context, before: { a: context.a, b: context.b }, result, a, b, c, membership, events };
  };

  it("add_only never touches existing contacts: they are skipped (but still added to the list)", async () => {
    const { result, a, b, c, membership, events, before } = await run("add_only");
    expect(result).toMatchObject({ outcome: "completed", counts: { inserted: 1, updated: 0, skipped: 2 } });
    expect(a).toMatchObject({ firstName: "Old", lastName: "Keep", attributes: { city: "Paris", plan: "gold" }, emailStatus: "unsubscribed" });
    expect(a.updatedAt).toEqual(before.a.updatedAt);
    expect(b).toMatchObject({ email: null, firstName: "Bee", attributes: { plan: "free" } });
    expect(c).toMatchObject({ firstName: "Cee", attributes: { city: "Rome" }, emailStatus: "subscribed" });
    expect(c!.emailStatusAt).not.toBeNull();
    expect(events.map((e) => [e.contactId, e.channel, e.status, e.source])).toEqual([[c!.id, "email", "subscribed", "import"]]);
    expect(await membership(a.id)).toBe("unsubscribed");
    expect(await membership(b.id)).toBe("subscribed");
    expect(await membership(c!.id)).toBe("subscribed");
  });

  it("update_existing updates mapped fields, keeps what empty cells and unmapped columns would erase, merges attributes, never re-subscribes", async () => {
    const { result, a, b, c, membership, events } = await run("update_existing");
    expect(result).toMatchObject({ outcome: "completed", counts: { inserted: 1, updated: 2, skipped: 0 } });
    expect(a).toMatchObject({ email: "a@example.com", phone: HK_A, firstName: "New", lastName: "Keep", attributes: { city: "Paris", plan: "gold" } });
    expect(a.emailStatus).toBe("unsubscribed");
    // Matched by phone: the email is added, the empty first name keeps "Bee", attributes merge.
    expect(b).toMatchObject({ email: "b@example.com", phone: HK_B, firstName: "Bee", attributes: { plan: "free", city: "London" } });
    expect(c).toMatchObject({ firstName: "Cee" });
    expect(events.map((e) => e.contactId)).toEqual([c!.id]);
    expect(await membership(a.id)).toBe("unsubscribed");
  });

  it("overwrite replaces mapped fields and the attributes wholesale, and re-subscribes", async () => {
    const { result, a, b, membership, events } = await run("overwrite");
    expect(result).toMatchObject({ outcome: "completed", counts: { inserted: 1, updated: 2, skipped: 0 } });
    // phone is mapped and empty for A's row: overwrite clears it; last_name is not mapped: kept.
    expect(a).toMatchObject({ firstName: "New", lastName: "Keep", phone: null, attributes: {}, emailStatus: "subscribed" });
    expect(b).toMatchObject({ email: "b@example.com", firstName: null, attributes: { city: "London" } });
    expect(events.filter((e) => e.contactId === a.id).map((e) => [e.channel, e.status, e.source])).toEqual([["email", "subscribed", "import"]]);
    expect(await membership(a.id)).toBe("subscribed");
  });

  it("counts a re-import of the same values as skipped, not updated", async () => {
    const { workspaceId, owner, caller } = await setup();
    const csv = "email,first_name\nsame@example.com,Sam\n";
    for (const expected of [{ inserted: 1, updated: 0, skipped: 0 }, { inserted: 0, updated: 0, skipped: 1 }]) {
      const upload = await uploadTestCsv(workspaceId, owner.id, csv);
      await caller.imports.configure({ importId: upload.importId, columns: [field("email"), field("first_name")], policy: "update_existing" });
      expect(await startAndRunImport(caller, upload.importId)).toMatchObject({ outcome: "completed", counts: expected });
    }
  });

  it("rejects a row whose email and phone belong to two different contacts, and two rows that match one contact", async () => {
    const { workspaceId, owner, caller } = await setup();
    await db.insert(contacts).values([
      { workspaceId, email: "one@example.com" },
      { workspaceId, phone: HK_A, phoneCountry: "HK" },
      { workspaceId, email: "three@example.com", phone: HK_B, phoneCountry: "HK" },
    ]);
    const csv = ["email,phone", `one@example.com,${HK_A}`, "three@example.com,", `new@example.com,${HK_B}`].join("\n");
    const upload = await uploadTestCsv(workspaceId, owner.id, csv);
    await caller.imports.configure({ importId: upload.importId, columns: [field("email"), field("phone")], policy: "update_existing" });
    expect(await startAndRunImport(caller, upload.importId, { batchRows: 1 })).toMatchObject({ outcome: "completed", rejected: 2, counts: { inserted: 0 } });
    expect((await caller.imports.rejections({ importId: upload.importId })).map((r) => [r.line, r.reason, r.raw])).toEqual([
      [2, `conflict: phone ${HK_A} belongs to another contact than email one@example.com`, `one@example.com,${HK_A}`],
      [4, "duplicate in file: matches the same contact as line 3", `new@example.com,${HK_B}`],
    ]);
  });
});

describe("a failed import", () => {
  it("leaves the previous contacts exactly as they were, and runs cleanly when started again", async () => {
    const { workspaceId, owner, caller, listId } = await setup();
    const [existing] = await db.insert(contacts).values({ workspaceId, email: "keep@example.com", firstName: "Before" }).returning();
    const csv = ["email,first_name,email_status", "keep@example.com,After,subscribed", "new@example.com,New,subscribed", "bad-email,X,"].join("\n");
    const upload = await uploadTestCsv(workspaceId, owner.id, csv);
    await caller.imports.configure({
      importId: upload.importId,
      columns: [field("email"), field("first_name"), field("email_status")],
      policy: "overwrite",
      listId,
    });

    // Force the merge to fail at its last step (list memberships), after contacts were written in it.
    const trigger = `test_fail_import_${upload.importId.replace(/-/g, "")}`;
    await db.execute(sql.raw(`create or replace function test_fail_import_merge() returns trigger language plpgsql as $$
      begin raise exception 'forced failure for a test'; end $$`));
    await db.execute(sql.raw(`create trigger ${trigger} before insert on list_memberships for each row
      when (new.list_id = '${listId}') execute function test_fail_import_merge()`));
    try {
      // An attempt that will be retried puts the import back in the queue, with the reason...
      await expect(startAndRunImport(caller, upload.importId, { attempt: 1, maxAttempts: 2 })).rejects.toThrow(/forced failure/);
      const retrying = await caller.imports.get({ importId: upload.importId });
      expect(retrying).toMatchObject({ status: "pending", startedAt: null, error: expect.stringMatching(/forced failure.*attempt 1 of 2; retrying/) });
      // ...and the last attempt fails it for good.
      expect(await runImport({ importId: upload.importId, attempt: 2, maxAttempts: 2 })).toMatchObject({ outcome: "failed" });
    } finally {
      await db.execute(sql.raw(`drop trigger if exists ${trigger} on list_memberships`));
    }
    const failed = await caller.imports.get({ importId: upload.importId });
    expect(failed).toMatchObject({ phase: "failed", insertedRows: 0, error: expect.stringMatching(/forced failure for a test/) });
    expect(await contactsOf(workspaceId)).toEqual([existing]);
    expect(await db.select().from(consentEvents).where(eq(consentEvents.workspaceId, workspaceId))).toEqual([]);
    expect(await db.select().from(listMemberships).where(eq(listMemberships.listId, listId))).toEqual([]);

    // Fixed: start it again; the retry starts over (one rejection, not one per attempt).
    expect(await startAndRunImport(caller, upload.importId)).toMatchObject({ outcome: "completed", rejected: 1, counts: { inserted: 1, updated: 1 } });
    expect((await byEmail(workspaceId, "keep@example.com"))?.firstName).toBe("After");
    expect(await caller.imports.rejections({ importId: upload.importId })).toHaveLength(1);
    expect(await db.select().from(listMemberships).where(eq(listMemberships.listId, listId))).toHaveLength(2);
  });

  it("starts over after a crash mid-run (a stale staging table and a 'running' status)", async () => {
    const { workspaceId, owner, caller } = await setup();
    const upload = await uploadTestCsv(workspaceId, owner.id, "email\nx@example.com\ny@example.com\n");
    await caller.imports.configure({ importId: upload.importId, columns: [field("email")], policy: "add_only" });
    await withSystemMailQueue(async () => {
      await caller.imports.start({ importId: upload.importId });
      await db.execute(sql`select graphile_worker.remove_job(${importJobKey(upload.importId)})`);
    });
    // What a worker killed half-way leaves behind: staging tables with rows in them, and "running".
    const prefix = `import_staging_${upload.importId.replace(/-/g, "")}`;
    await db.execute(sql.raw(`create unlogged table ${prefix}_0 (line int, junk text); insert into ${prefix}_0 values (1, 'x')`));
    await db.execute(sql.raw(`create unlogged table ${prefix}_emails (email text primary key, line int); insert into ${prefix}_emails values ('x@example.com', 1)`));
    await db.update(contactImports).set({ status: "running", processedRows: 1, startedAt: new Date() }).where(eq(contactImports.id, upload.importId));
    expect(await runImport({ importId: upload.importId })).toMatchObject({ outcome: "completed", rejected: 0, counts: { inserted: 2 } });
    expect(await db.execute(sql`select 1 from pg_class where relname like ${`${prefix}%`}`)).toHaveLength(0);
  });
});
