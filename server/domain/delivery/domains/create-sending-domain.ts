import { z } from "zod";
import { sendingDomains } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { generateDkimKeyPair } from "@/server/domain/delivery/dkim/dkim-keys";
import { dnsRecordsFor } from "./dns-records";
import { newDkimSelector, publicDomainColumns, withDomainConflict, ZDomainName } from "./domain-rules";
import { toSendingDomainView } from "./sending-domain-view";

export const ZCreateSendingDomain = z.object({ domain: ZDomainName });

/** A new, unverified domain with its own RSA-2048 DKIM key, and the records to publish for it. */
export const createSendingDomain = async ({ workspaceId, ...input }: z.input<typeof ZCreateSendingDomain> & { workspaceId: string }) => {
  const { domain } = parseInput(ZCreateSendingDomain, input);
  const keys = await generateDkimKeyPair();
  return withDomainConflict(domain, async () => {
    const [row] = await db
      .insert(sendingDomains)
      .values({ workspaceId, domain, dkimSelector: newDkimSelector(), dkimPrivateKey: keys.privateKeyPem, dkimPublicKey: keys.publicKey })
      .returning(publicDomainColumns);
    const view = toSendingDomainView(row!);
    return { ...view, records: dnsRecordsFor(view) };
  });
};
