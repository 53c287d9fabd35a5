import { metricsRegistry } from "@/server/metrics";

export const dynamic = "force-dynamic";

export const GET = async () => {
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
};
