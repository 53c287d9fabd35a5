/**
 * `npm run bench:audience`: the audience model at the scale, on one embedded Postgres.
 *   1. import a generated CSV of 1,000,000 rows (email, phone, 5 attributes) into a list;
 *   2. count a 3-rule segment (attribute + event + list) over those contacts and 5,000,000 events;
 *   3. the bulk "may we send?" check for 100,000 contacts against suppressions and Do-Not-Call.
 * Options: --rows N (default 1000000), --events N (default 5000000), --check N (default 100000).
 */
import { startBenchDatabase } from "./lib/bench-database";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};

const main = async () => {
  const database = await startBenchDatabase();
  const { getAuth } = await import("@/server/auth/auth");
  const { createWorkspace } = await import("@/server/domain/workspaces/create-workspace");
  const { closeDb } = await import("@/server/db/client");
  const { user } = await getAuth().api.signUpEmail({
    body: { email: "bench-audience@example.test", password: "bench password 123", name: "Bench" },
  });
  const workspace = await createWorkspace({ userId: user.id, name: "Audience bench" });
  const context = { workspaceId: workspace.id, userId: user.id };

  console.log("bench:audience on embedded Postgres\n");
  const { benchImport } = await import("./audience/import-csv");
  const { listId } = await benchImport({ ...context, rows: arg("rows", 1_000_000) });
  const { benchSegmentCount } = await import("./audience/segment-count");
  await benchSegmentCount({ ...context, listId, events: arg("events", 5_000_000) });
  const { benchSuppressionCheck } = await import("./audience/suppression-check");
  await benchSuppressionCheck({ ...context, contacts: arg("check", 100_000) });

  await closeDb();
  await database.stop();
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
