import { spawn } from "node:child_process";

const MARK = "HERALD_SUPERVISED";

/**
 * Ctrl-C sends SIGINT to every process in the terminal's foreground group. If the supervisor, its
 * children and Postgres all got it at once, Postgres would shut down under the worker while it drains.
 * So the supervisor re-runs itself in a process group of its own and this thin launcher forwards one
 * SIGTERM, letting the supervisor stop things in order: children first, then Postgres.
 *
 * Returns true in the launcher (the caller should do nothing else), false in the supervisor.
 */
export const relaunchInOwnProcessGroup = (): boolean => {
  if (process.env[MARK] === "1") {
    // The launcher holds our stdin open; if it dies (even by SIGKILL), stdin ends and we stop too.
    process.stdin.on("end", () => process.kill(process.pid, "SIGTERM"));
    process.stdin.resume();
    return false;
  }
  const supervisor = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: ["pipe", "inherit", "inherit"],
    env: { ...process.env, [MARK]: "1" },
  });
  let forwarded = false;
  const forward = () => {
    if (forwarded) return;
    forwarded = true;
    supervisor.kill("SIGTERM");
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, forward);
  supervisor.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
};
