import { timingSafeEqual } from "node:crypto";
import { metricsRegistry } from "@/server/metrics";

export const dynamic = "force-dynamic";

/** With METRICS_TOKEN set, scrapers must send it as a bearer token (the web port is usually public). */
const authorized = (request: Request) => {
  const token = process.env.METRICS_TOKEN;
  if (!token) return true;
  const sent = Buffer.from(request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
};

export const GET = async (request: Request) => {
  if (!authorized(request)) return new Response("unauthorized\n", { status: 401 });
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
};
