import dns from "node:dns";
import { Resolver } from "node:dns/promises";

/** The two lookups verification needs; node:dns/promises' Resolver is one, tests pass their own. */
export type DnsResolver = {
  resolveTxt(name: string): Promise<string[][]>;
  resolveMx(name: string): Promise<{ exchange: string; priority: number }[]>;
};

/**
 * The process's DNS servers (/etc/resolv.conf, or whatever dns.setServers chose), asking twice with
 * a short timeout: someone is waiting on "Check DNS", and c-ares' defaults can take over 20 seconds
 * to give up on a dead server.
 */
export const systemDnsResolver = (): DnsResolver => {
  const resolver = new Resolver({ timeout: 2500, tries: 2 });
  resolver.setServers(dns.getServers());
  return resolver;
};

/** Answers that mean "there is no such record" rather than "DNS could not be asked". */
export const isMissingRecord = (error: unknown) => ["ENOTFOUND", "ENODATA"].includes((error as { code?: string }).code ?? "");

export const lookupFailure = (error: unknown) => {
  const code = (error as { code?: string }).code;
  return `The DNS lookup failed${code ? ` (${code})` : ""}; try again in a minute`;
};
