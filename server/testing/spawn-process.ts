import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export type SpawnedProcess = { child: ChildProcess; output: () => string; stop: () => Promise<number | null> };

/**
 * Runs one of Herald's process entry points (relay, worker, mail catcher) as a real child process,
 * resolving once a log line matches `readyWhen`. Stops with SIGTERM, as an operator would.
 */
export const spawnHeraldProcess = (
  entry: string,
  env: Record<string, string>,
  readyWhen: RegExp,
  timeoutMs = 30_000,
): Promise<SpawnedProcess> =>
  new Promise((resolve, reject) => {
    let output = "";
    const child = spawn(process.execPath, ["--import", "tsx", entry], {
      cwd: root,
      env: { ...process.env, HERALD_SKIP_MIGRATE: "1", LOG_LEVEL: "info", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry} did not become ready in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (readyWhen.test(output)) {
        clearTimeout(timer);
        resolve({
          child,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null) child.kill("SIGTERM");
            return exited;
          },
        });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${output}`));
    });
  });
