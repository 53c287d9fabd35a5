/**
 * `npm run web`: the web app alone against DATABASE_URL (one of many behind a load balancer).
 * Migrates (locked, a no-op when up to date), builds if there is no current build, then runs `next start`.
 */
import { spawn } from "node:child_process";
import { migrateDatabase } from "@/server/db/migrate";
import { env } from "@/server/env";
import { localConfig, projectRoot } from "./lib/local-config";
import { needsBuild, nextBin, runNextBuild } from "./lib/next-build";

const main = async () => {
  const config = env();
  if (process.env.HERALD_SKIP_MIGRATE !== "1") await migrateDatabase(config.DATABASE_URL);
  const reason = await needsBuild(projectRoot);
  if (reason) {
    console.log(`building the web app (${reason})`);
    await runNextBuild(projectRoot, (stream) => stream.pipe(process.stdout));
  }
  const { webPort, webHost } = localConfig();
  const child = spawn(process.execPath, [nextBin(projectRoot), "start", "-p", String(webPort), "-H", webHost], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: "production", HERALD_PROCESS: process.env.HERALD_PROCESS ?? "web" },
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
};

main().catch((error) => {
  console.error(`web failed to start: ${(error as Error).message}`);
  process.exit(1);
});
