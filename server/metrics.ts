import { createServer, type Server } from "node:http";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import { logger } from "@/server/logger";

/** One registry per process, labelled with the process role so a fleet can be told apart. */
const globalForMetrics = globalThis as unknown as { heraldMetrics?: Registry };

export const metricsRegistry = (): Registry => {
  if (globalForMetrics.heraldMetrics) return globalForMetrics.heraldMetrics;
  const registry = new Registry();
  registry.setDefaultLabels({ process: process.env.HERALD_PROCESS ?? "herald" });
  collectDefaultMetrics({ register: registry, prefix: "herald_" });
  globalForMetrics.heraldMetrics = registry;
  return registry;
};

export const counter = (name: string, help: string, labelNames: string[] = []) =>
  (metricsRegistry().getSingleMetric(name) as Counter<string> | undefined) ??
  new Counter({ name, help, labelNames, registers: [metricsRegistry()] });

export const histogram = (name: string, help: string, labelNames: string[] = [], buckets?: number[]) =>
  (metricsRegistry().getSingleMetric(name) as Histogram<string> | undefined) ??
  new Histogram({ name, help, labelNames, buckets, registers: [metricsRegistry()] });

/**
 * Serves GET /metrics for processes without a web server (worker, relay). A port already in use is
 * logged, not fatal: several workers on one box each need their own METRICS_PORT.
 */
export const serveMetrics = (port: number, host = "0.0.0.0"): Promise<Server | null> =>
  new Promise((resolve) => {
    const server = createServer(async (request, response) => {
      if (request.url?.split("?")[0] !== "/metrics") {
        response.writeHead(404).end("not found\n");
        return;
      }
      const registry = metricsRegistry();
      response.writeHead(200, { "content-type": registry.contentType });
      response.end(await registry.metrics());
    });
    server.once("error", (error) => {
      logger.warn({ err: error, port }, "metrics endpoint not started");
      resolve(null);
    });
    server.listen(port, host, () => {
      logger.info({ port }, "metrics endpoint listening on /metrics");
      resolve(server);
    });
  });
