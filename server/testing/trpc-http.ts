import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import superjson from "superjson";
import { handleTrpcRequest } from "@/server/trpc/http";

const ORIGIN = "http://localhost:3999";

/**
 * One call through the real HTTP entry (the function Next's /api/trpc route calls), so a test sees
 * exactly what a browser or the SDK would: status code and the errorFormatter's JSON.
 */
export const trpcHttp = async (
  path: string,
  { type, input, headers = {} }: { type: "query" | "mutation"; input?: unknown; headers?: Record<string, string> },
) => {
  const url = new URL(`${ORIGIN}/api/trpc/${path}`);
  const serialized = input === undefined ? undefined : JSON.stringify(superjson.serialize(input));
  if (type === "query" && serialized) url.searchParams.set("input", serialized);
  const response = await handleTrpcRequest(
    new Request(url, {
      method: type === "query" ? "GET" : "POST",
      headers: { "content-type": "application/json", ...headers },
      body: type === "mutation" ? serialized : undefined,
    }),
  );
  type Serialized = Parameters<typeof superjson.deserialize>[0];
  type ErrorShape = { message: string; code: number; data: Record<string, unknown> & { fieldErrors: Record<string, string[]> | null } };
  const body = (await response.json()) as { result?: { data: Serialized }; error?: Serialized };
  return {
    status: response.status,
    result: body.result ? superjson.deserialize(body.result.data) : undefined,
    error: body.error ? superjson.deserialize<ErrorShape>(body.error) : undefined,
  };
};

const toRequest = async (req: IncomingMessage, origin: string) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
};

/**
 * A plain Node HTTP server on a random loopback port that hands every request to handleTrpcRequest,
 * as Next's route does, so the SDK and other HTTP clients can be tested against a real socket.
 */
export const startTrpcServer = async () => {
  let origin = "";
  const server = createServer((req, res) => {
    toRequest(req, origin)
      .then((request) => handleTrpcRequest(request))
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
