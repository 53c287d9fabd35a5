import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { privateAddressReason, webhookUrlSyntaxProblem } from "@/server/domain/journeys/webhook-url-syntax";

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type WebhookTarget = { url: URL; hostname: string; addresses: ResolvedAddress[] };

export type ResolveWebhookTargetResult = { ok: true; target: WebhookTarget } | { ok: false; permanent: boolean; reason: string };

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/**
 * Loopback targets are allowed only with HERALD_WEBHOOK_ALLOW_PRIVATE=1, for tests and local
 * development (a receiver on localhost). Everything else private stays refused even then.
 */
export const allowLoopbackWebhooks = () => process.env.HERALD_WEBHOOK_ALLOW_PRIVATE === "1";

const isLoopback = (reason: string) => reason.includes("loopback") || reason.includes("localhost");

/**
 * Where a webhook may be sent, decided after DNS: the URL's text is checked (scheme, literal private
 * addresses and names), then its host is resolved once and EVERY address must be public; one private
 * address (a name with both a public and a 127.0.0.1 record) refuses the call. The caller connects only
 * to these addresses (no second lookup), so a DNS answer that changes between check and connect
 * (rebinding) cannot redirect the call. A refusal is permanent; a failed lookup may be retried.
 */
export const resolveWebhookTarget = async (
  rawUrl: string,
  { resolver = systemResolver, allowLoopback = allowLoopbackWebhooks() }: { resolver?: Resolver; allowLoopback?: boolean } = {},
): Promise<ResolveWebhookTargetResult> => {
  const problem = webhookUrlSyntaxProblem(rawUrl);
  if (problem && !(allowLoopback && problem.code === "webhook_url_private" && isLoopback(problem.message))) {
    return { ok: false, permanent: true, reason: problem.message };
  }
  const url = new URL(rawUrl.trim());
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: ResolvedAddress[];
  if (isIP(hostname)) addresses = [{ address: hostname, family: isIP(hostname) === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await resolver(hostname);
    } catch (error) {
      return { ok: false, permanent: false, reason: `could not resolve ${hostname}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    }
    if (addresses.length === 0) return { ok: false, permanent: false, reason: `${hostname} has no addresses` };
  }
  for (const { address } of addresses) {
    const reason = privateAddressReason(address);
    if (reason && !(allowLoopback && isLoopback(reason))) {
      return { ok: false, permanent: true, reason: `${hostname} resolves to ${address}, ${reason}; Herald only calls public addresses` };
    }
  }
  return { ok: true, target: { url, hostname, addresses } };
};
