import { checkHealth } from "@/server/domain/system/check-health";

export const dynamic = "force-dynamic";

export const GET = async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
};
