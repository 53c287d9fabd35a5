import { and, eq, isNotNull } from "drizzle-orm";
import { sendingDomains } from "@/drizzle/schema";
import { db } from "@/server/db/client";

/** The DKIM key of the sender's domain, when the workspace verified it; mail from unverified domains goes unsigned. */
export const signingKeyFor = async (workspaceId: string, fromEmail: string) => {
  const domain = fromEmail.split("@")[1]?.toLowerCase();
  if (!domain) return null;
  const [row] = await db
    .select({ domain: sendingDomains.domain, selector: sendingDomains.dkimSelector, privateKeyPem: sendingDomains.dkimPrivateKey })
    .from(sendingDomains)
    .where(and(eq(sendingDomains.workspaceId, workspaceId), eq(sendingDomains.domain, domain), isNotNull(sendingDomains.verifiedAt)));
  return row ?? null;
};
