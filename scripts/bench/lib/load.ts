import http from "node:http";

export type LoadResult = { requests: number; seconds: number; perSecond: number; p50: number; p99: number; errors: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * Closed-loop load: `concurrency` clients on keep-alive connections, each sending its next request
 * when the previous answers, for `durationMs`. Latencies in milliseconds.
 */
export const runLoad = async (
  options: { port: number; path: string; headers?: Record<string, string>; method?: string; body?: string },
  { concurrency = 16, durationMs = 5000 } = {},
): Promise<LoadResult> => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + durationMs;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const request = http.request(
        { host: "127.0.0.1", port: options.port, path: options.path, method: options.method ?? "GET", headers: options.headers, agent },
        (response) => {
          response.resume();
          response.on("end", () => {
            if (response.statusCode !== 200) errors++;
            latencies.push(performance.now() - started);
            resolve();
          });
        },
      );
      request.on("error", () => {
        errors++;
        resolve();
      });
      request.end(options.body);
    });
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await once();
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors,
  };
};

export const formatRow = (name: string, r: LoadResult, baseline?: LoadResult) =>
  `${name.padEnd(44)} ${r.perSecond.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99
    .toFixed(2)
    .padStart(6)} ms${baseline ? `   ${(r.perSecond / baseline.perSecond).toFixed(2)}x baseline` : ""}${r.errors ? `   ${r.errors} errors` : ""}`;
