import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { sendingDomains } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";
import { checkDnsRecords } from "./check-dns-records";
import { deliveryDnsSettings, type DnsSettings } from "./dns-records";
import { systemDnsResolver, type DnsResolver } from "./dns-resolver";
import { publicDomainColumns, ZSendingDomainRef } from "./domain-rules";
import { findSendingDomain, toSendingDomainView } from "./sending-domain-view";

type VerifyOptions = z.input<typeof ZSendingDomainRef> & {
  workspaceId: string;
  /** DNS is the edge of the internet: tests pass their own; the process's DNS servers otherwise. */
  resolver?: DnsResolver;
  settings?: DnsSettings;
};

/**
 * Looks the domain's records up and stores the outcome per record with its reason. The domain is
 * verified while its DKIM key is published: a record that is gone or wrong un-verifies it (mail then
 * goes out unsigned rather than with a signature every receiver would fail), but a lookup that merely
 * failed (timeout, SERVFAIL) leaves the verification as it was.
 */
export const verifySendingDomain = async ({ workspaceId, resolver = systemDnsResolver(), settings = deliveryDnsSettings(), ...input }: VerifyOptions) => {
  const { domainId } = parseInput(ZSendingDomainRef, input);
  const domain = await findSendingDomain({ workspaceId, domainId });
  const now = new Date();
  const result = await checkDnsRecords(domain, resolver, settings, now);
  const dkim = result.records.find((record) => record.key === "dkim")!;
  const verifiedAt = dkim.status === "pass" ? (domain.verifiedAt ?? now) : dkim.transient ? domain.verifiedAt : null;
  const [row] = await db
    .update(sendingDomains)
    .set({ verifiedAt, lastCheckedAt: now, lastCheckResult: { ...result, verified: verifiedAt !== null } })
    .where(and(eq(sendingDomains.id, domainId), eq(sendingDomains.workspaceId, workspaceId)))
    .returning(publicDomainColumns);
  if (!row) throw new AppError("NOT_FOUND", "Sending domain not found");
  return toSendingDomainView(row);
};
