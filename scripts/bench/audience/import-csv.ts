/**
 * CSV import at scale, as the audience benchmark's first part: generates a CSV of `rows` contacts
 * (email, phone from HK/MO/TW/CN and elsewhere in E.164, first/last name, and five attributes: age,
 * city, plan, signup_date, vip) into a temp file, creates the attribute definitions and a list, then
 * goes through the same domain functions as the app: uploadImport (the route's streaming upload into
 * 1 MiB chunks), configure, start, and the "contacts/import" task's runImport, called directly.
 * Prints rows/s, the end-to-end time against the 30 s goal, where the time went and the peak RSS.
 * Returns the list the contacts were added to (the segment part counts over them).
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { createAttributeDefinition } from "@/server/domain/attributes/create-attribute-definition";
import { configureImport } from "@/server/domain/imports/configure-import";
import { getImport } from "@/server/domain/imports/get-import";
import { importJobKey } from "@/server/domain/imports/import-fields";
import { runImport } from "@/server/domain/imports/run-import";
import { startImport } from "@/server/domain/imports/start-import";
import { CHUNK_BYTES, uploadImport } from "@/server/domain/imports/upload-import";
import { createList } from "@/server/domain/lists/create-list";

const GOAL_SECONDS = 30;

const FIRST = ["Ka Ming", "Wing Yan", "Chi Wai", "Mei Ling", "Jun", "Hui", "Yu-Ting", "Wei", "Ana", "James", "Priya", "Sofia", "Kenji", "Olivia"];
const LAST = ["Chan", "Wong", "Leung", "Lau", "Cheng", "Lin", "Zhang", "Wang", "Müller", "Smith", "Tan", "García", "Sato", "O'Brien"];
const CITIES = ["Hong Kong", "Kowloon", "Macau", "Taipei", "Shenzhen", "Guangzhou", "Shanghai", "Singapore", "London", "New York"];
const PLANS = ["free", "pro", "team", "enterprise"];

/**
 * A unique, valid number per row in E.164, spread like a Greater China customer base: three in ten
 * Hong Kong, then Macau, Taiwan, mainland China, and a tail of Singapore, UK and US numbers.
 */
const phoneFor = (i: number) => {
  const bucket = i % 10;
  const n = Math.floor(i / 10); // < 100,000 per bucket for a million rows: each bucket has room for more
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  switch (bucket) {
    case 0:
    case 1:
      return `+8529${1 + (bucket * 4 + (n % 4))}${pad(n, 6)}`; // 91-98 mobile
    case 2:
      return `+8526${1 + (n % 8)}${pad(n, 6)}`; // 61-68 mobile
    case 3:
      return `+8536${2 + (n % 2)}${pad(n, 6)}`; // Macau mobile (62, 63)
    case 4:
      return `+8869${1 + (n % 8)}${pad(n, 7)}`; // Taiwan 09x mobile
    case 5:
      return `+86138${pad(n, 8)}`; // China Mobile
    case 6:
      return `+86186${pad(n, 8)}`; // China Unicom
    case 7:
      return `+659${1 + (n % 7)}${pad(n, 6)}`; // Singapore
    case 8:
      return `+447700${pad(n, 6)}`; // UK mobile
    default:
      return `+1415${2 + (n % 7)}${pad(n, 6)}`; // San Francisco
  }
};

const csvLine = (i: number) => {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[(i * 7) % LAST.length]!;
  const day = new Date(Date.UTC(2020, 0, 1) + (i % 1500) * 86_400_000).toISOString().slice(0, 10);
  const lastField = last.includes("'") ? `"${last}"` : last;
  return `user${i}@example${i % 50}.com,${phoneFor(i)},${first},${lastField},${18 + (i % 60)},${CITIES[i % CITIES.length]},${PLANS[i % PLANS.length]},${day},${i % 10 === 0 ? "true" : "false"}\n`;
};

const generateCsv = async (file: string, rows: number) => {
  const out = createWriteStream(file);
  out.write("email,phone,first_name,last_name,age,city,plan,signup_date,vip\n");
  let batch = "";
  for (let i = 0; i < rows; i++) {
    batch += csvLine(i);
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, "drain");
      batch = "";
    }
  }
  out.end(batch);
  await once(out, "finish");
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export const benchImport = async ({ workspaceId, userId, rows }: { workspaceId: string; userId: string; rows: number }): Promise<{ listId: string }> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "herald-bench-import-"));
  const file = path.join(dir, "contacts.csv");
  try {
    let t = performance.now();
    await generateCsv(file, rows);
    const size = (await stat(file)).size;
    console.log(`import: generated ${rows.toLocaleString("en")} rows, ${(size / 1024 / 1024).toFixed(1)} MiB, in ${seconds(performance.now() - t)} (not counted)`);

    for (const [key, type] of [["age", "number"], ["city", "text"], ["plan", "text"], ["signup_date", "date"], ["vip", "boolean"]] as const) {
      await createAttributeDefinition({ workspaceId, key, label: key, type }).catch(() => {});
    }
    const list = await createList({ workspaceId, name: `Imported ${new Date().toISOString()}` });

    const started = performance.now();
    t = started;
    const upload = await uploadImport({
      workspaceId,
      createdBy: userId,
      filename: "bench.csv",
      body: createReadStream(file, { highWaterMark: CHUNK_BYTES }),
    });
    if (!upload.ok) throw new Error(`upload refused: ${upload.message}`);
    const uploadMs = performance.now() - t;

    t = performance.now();
    const draft = await getImport({ workspaceId, importId: upload.importId });
    await configureImport({ workspaceId, importId: upload.importId, columns: draft.mapping!.columns, policy: "update_existing", listId: list.id });
    await startImport({ workspaceId, importId: upload.importId });
    // No worker runs here, but BENCH_DATABASE_URL may point at a database one does: take the job off the queue.
    await db.execute(sql`select graphile_worker.remove_job(${importJobKey(upload.importId)})`);
    const configureMs = performance.now() - t;

    const result = await runImport({ importId: upload.importId });
    const totalMs = performance.now() - started;
    if (result.outcome !== "completed") throw new Error(`import ${result.outcome}: ${"error" in result ? result.error : ""}`);
    const { timings, counts } = result;
    const rss = process.resourceUsage().maxRSS * 1024;

    console.log(`import: ${rows.toLocaleString("en")} rows end to end in ${seconds(totalMs)} = ${Math.round(rows / (totalMs / 1000)).toLocaleString("en")} rows/s (goal < ${GOAL_SECONDS} s: ${totalMs / 1000 < GOAL_SECONDS ? "met" : "MISSED"})`);
    console.log(`  upload (stream into 1 MiB chunks, UTF-8 check, preview)  ${seconds(uploadMs)}`);
    console.log(`  configure + start                                      ${seconds(configureMs)}`);
    console.log(`  read + parse + validate + COPY into staging batches     ${seconds(timings.stageMs)}`);
    console.log(`    of which Node decoding/parsing/validating/formatting  ${seconds(timings.parseMs)}`);
    console.log(`    the rest: reading chunks, COPY backpressure           ${seconds(timings.stageMs - timings.parseMs)}`);
    console.log(`  merge transaction, busy ${seconds(timings.mergeMs)} alongside the staging; left after it ${seconds(timings.mergeTailMs)}`);
    for (const [name, ms] of Object.entries(timings.mergeSteps)) console.log(`    ${name.padEnd(52)} ${seconds(ms)}`);
    console.log(`  checking batches beside the parsing (own transactions)`);
    for (const [name, ms] of Object.entries(timings.prepareSteps)) console.log(`    ${name.padEnd(52)} ${seconds(ms)}`);
    console.log(`  inserted ${counts.inserted.toLocaleString("en")}, updated ${counts.updated}, skipped ${counts.skipped}, rejected ${result.rejected}`);
    console.log(`  peak RSS ${(rss / 1024 / 1024).toFixed(0)} MiB`);
    return { listId: list.id };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
