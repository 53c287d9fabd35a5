import { spawn } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "server", "drizzle/schema", "public"];
const SOURCE_FILES = ["next.config.ts", "package.json", "postcss.config.mjs", "app/globals.css"];

const newestMtime = async (target: string): Promise<number> => {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of await readdir(target)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, await newestMtime(path.join(target, entry)));
  }
  return newest;
};

/** A build is needed when there is none, or when a source file changed after it was made. */
export const needsBuild = async (root: string) => {
  const built = await stat(path.join(root, ".next", "BUILD_ID")).catch(() => null);
  if (!built) return "no build yet";
  let newest = 0;
  for (const item of [...SOURCE_DIRS, ...SOURCE_FILES]) newest = Math.max(newest, await newestMtime(path.join(root, item)));
  return newest > built.mtimeMs ? "sources changed since the last build" : null;
};

export const nextBin = (root: string) => path.join(root, "node_modules", "next", "dist", "bin", "next");

export const runNextBuild = (
  root: string,
  onLine: (stream: NodeJS.ReadableStream) => void,
  onSpawn?: (child: ReturnType<typeof spawn>) => void,
) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(root), "build"], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    onSpawn?.(child);
    onLine(child.stdout);
    onLine(child.stderr);
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code})`))));
  });
