import { and, eq } from "drizzle-orm";
import { sendingDomains } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { DomainCheckResult } from "./check-dns-records";
import { publicDomainColumns } from "./domain-rules";

type PublicRow = {
  id: string;
  domain: string;
  dkimSelector: string;
  dkimPublicKey: string;
  verifiedAt: Date | null;
  lastCheckedAt: Date | null;
  lastCheckResult: unknown;
  createdAt: Date;
};

/**
 * verified: DKIM passed (Herald signs with the key); failing: the last check found no matching key;
 * pending: never checked.
 */
export type SendingDomainStatus = "verified" | "failing" | "pending";

export const toSendingDomainView = (row: PublicRow) => ({
  id: row.id,
  domain: row.domain,
  dkimSelector: row.dkimSelector,
  dkimPublicKey: row.dkimPublicKey,
  verifiedAt: row.verifiedAt,
  lastCheckedAt: row.lastCheckedAt,
  lastCheckResult: (row.lastCheckResult ?? null) as DomainCheckResult | null,
  createdAt: row.createdAt,
  status: (row.verifiedAt ? "verified" : row.lastCheckedAt ? "failing" : "pending") as SendingDomainStatus,
});

export type SendingDomainView = ReturnType<typeof toSendingDomainView>;

export const findSendingDomain = async ({ workspaceId, domainId }: { workspaceId: string; domainId: string }) => {
  const [row] = await db
    .select(publicDomainColumns)
    .from(sendingDomains)
    .where(and(eq(sendingDomains.id, domainId), eq(sendingDomains.workspaceId, workspaceId)));
  if (!row) throw new AppError("NOT_FOUND", "Sending domain not found");
  return toSendingDomainView(row);
};
