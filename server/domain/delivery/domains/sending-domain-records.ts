import type { z } from "zod";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { dnsRecordsFor } from "./dns-records";
import { ZSendingDomainRef } from "./domain-rules";
import { findSendingDomain } from "./sending-domain-view";

/** The records to publish for one domain, each with what the last check found for it. */
export const sendingDomainRecords = async ({ workspaceId, ...input }: z.input<typeof ZSendingDomainRef> & { workspaceId: string }) => {
  const { domainId } = parseInput(ZSendingDomainRef, input);
  const domain = await findSendingDomain({ workspaceId, domainId });
  const checks = new Map(domain.lastCheckResult?.records.map((check) => [check.key, check]) ?? []);
  return { domain, records: dnsRecordsFor(domain).map((record) => ({ ...record, check: checks.get(record.key) ?? null })) };
};
