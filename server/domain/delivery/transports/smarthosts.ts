import { env } from "@/server/env";
import { createPipeliningSmtpTransport } from "./pipelining-smtp-transport";
import { createSmtpTransport } from "./smtp-transport";
import type { Transport } from "./transport";

type Weighted = { transport: Transport; weight: number };

/**
 * The configured smarthosts: DELIVERY_SMTP_URL, or several in DELIVERY_SMARTHOSTS as
 * "smtp://a:25*3, smtp://b:587*1" (weights after `*`). Picked by smooth weighted round robin, so a
 * host with weight 3 gets three messages for every one of a host with weight 1, evenly interleaved.
 */
export const parseSmarthosts = (spec: string): { url: string; weight: number }[] =>
  spec
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(.*?)(?:\*(\d+))?$/.exec(part)!;
      return { url: match[1]!, weight: Math.max(1, Number(match[2] ?? 1)) };
    });

let pool: { hosts: Weighted[]; current: number[] } | undefined;

const load = () => {
  const spec = env().DELIVERY_SMARTHOSTS || env().DELIVERY_SMTP_URL;
  const hosts = parseSmarthosts(spec).map(({ url, weight }) => ({
    transport: new URL(url).searchParams.get("client") === "pipelining" ? createPipeliningSmtpTransport(url) : createSmtpTransport(url),
    weight,
  }));
  return { hosts, current: hosts.map(() => 0) };
};

export const pickTransport = (): Transport => {
  pool ??= load();
  const total = pool.hosts.reduce((sum, host) => sum + host.weight, 0);
  let best = 0;
  for (let i = 0; i < pool.hosts.length; i++) {
    pool.current[i]! += pool.hosts[i]!.weight;
    if (pool.current[i]! > pool.current[best]!) best = i;
  }
  pool.current[best]! -= total;
  return pool.hosts[best]!.transport;
};

/** For tests and shutdown: closes pooled connections; the next send reconnects. */
export const closeTransports = () => {
  pool?.hosts.forEach((host) => host.transport.close());
  pool = undefined;
};
