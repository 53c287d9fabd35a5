/**
 * `npm run bench:api`: how fast the API front door is. The same tRPC handler Next serves, on a plain
 * Node HTTP server, against a real (embedded) Postgres:
 *   - baseline: a bare handler answering JSON (the ceiling of this machine's HTTP stack, same run);
 *   - workspaces.current with an API key (hash lookup, scope check, one query);
 *   - workspaces.current with a session cookie (better-auth session lookup, membership check);
 *   - sign-ins per second (scrypt is memory-hard on purpose: this is the cost of a login).
 * Options: --seconds N (per scenario, default 5), --concurrency N (default 16).
 */
import { createServer } from "node:http";
import { startBenchDatabase } from "./lib/bench-database";
import { formatRow, runLoad } from "./lib/load";

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const durationMs = arg("seconds", 5) * 1000;
const concurrency = arg("concurrency", 16);

const main = async () => {
  const database = await startBenchDatabase();
  const { handleTrpcRequest } = await import("@/server/trpc/http");
  const { getAuth } = await import("@/server/auth/auth");
  const { createWorkspace } = await import("@/server/domain/workspaces/create-workspace");
  const { createApiKey } = await import("@/server/domain/api-keys/create-api-key");
  const { closeDb } = await import("@/server/db/client");

  const password = "bench password 123";
  const signUp = await getAuth().api.signUpEmail({
    body: { email: "bench@example.test", password, name: "Bench" },
    asResponse: true,
  });
  const cookie = (signUp.headers.get("set-cookie") ?? "").split(";")[0]!;
  const { user } = (await signUp.json()) as { user: { id: string } };
  const workspace = await createWorkspace({ userId: user.id, name: "Bench" });
  const { secret } = await createApiKey({ workspaceId: workspace.id, createdBy: user.id, name: "bench", scopes: ["workspace:read"] });

  const server = createServer(async (req, res) => {
    if (req.url === "/baseline") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"result":{"data":{"json":{"ok":true}}}}');
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
    });
    const response = req.url!.startsWith("/api/auth") ? await getAuth().handler(request) : await handleTrpcRequest(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;

  console.log(`bench:api on embedded Postgres, ${concurrency} concurrent clients, ${durationMs / 1000} s per scenario\n`);
  const baseline = await runLoad({ port, path: "/baseline" }, { concurrency, durationMs });
  console.log(formatRow("baseline (bare Node handler, same server)", baseline));
  const withKey = await runLoad(
    { port, path: "/api/trpc/workspaces.current", headers: { authorization: `Bearer ${secret}` } },
    { concurrency, durationMs },
  );
  console.log(formatRow("workspaces.current, API key", withKey, baseline));
  const withSession = await runLoad(
    { port, path: "/api/trpc/workspaces.current", headers: { cookie, "x-herald-workspace": workspace.id } },
    { concurrency, durationMs },
  );
  console.log(formatRow("workspaces.current, session cookie", withSession, baseline));
  const signIns = await runLoad(
    {
      port,
      path: "/api/auth/sign-in/email",
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3999" },
      body: JSON.stringify({ email: "bench@example.test", password }),
    },
    { concurrency: 2, durationMs },
  );
  console.log(formatRow("sign-in (scrypt verify + new session)", signIns));

  server.close();
  await closeDb();
  await database.stop();
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
