import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { sendingDomains } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { domainCandidates } from "./domain-rules";

export type SigningKey = { domain: string; selector: string; privateKeyPem: string };

/**
 * The DKIM key to sign mail from `fromEmail` with: the workspace's verified domain for the address's
 * domain, or for the nearest parent (a key for acme.com signs news.acme.com, which DMARC's relaxed
 * alignment accepts). Null when there is none: the message goes out unsigned. The result is exactly
 * what prepareDkimSigner takes; prepare one signer per send, not per message.
 */
export const findSigningKeyForAddress = async (workspaceId: string, fromEmail: string): Promise<SigningKey | null> => {
  const candidates = domainCandidates(fromEmail);
  if (candidates.length === 0) return null;
  const [row] = await db
    .select({ domain: sendingDomains.domain, selector: sendingDomains.dkimSelector, privateKeyPem: sendingDomains.dkimPrivateKey })
    .from(sendingDomains)
    .where(and(eq(sendingDomains.workspaceId, workspaceId), inArray(sendingDomains.domain, candidates), isNotNull(sendingDomains.verifiedAt)))
    .orderBy(desc(sql`length(${sendingDomains.domain})`))
    .limit(1);
  return row ?? null;
};
