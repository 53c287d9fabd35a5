import { asc, eq } from "drizzle-orm";
import { sendingDomains } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { publicDomainColumns } from "./domain-rules";
import { toSendingDomainView } from "./sending-domain-view";

/** The workspace's sending domains by name, with their last check; never the private key. */
export const listSendingDomains = async ({ workspaceId }: { workspaceId: string }) => {
  const rows = await db.select(publicDomainColumns).from(sendingDomains).where(eq(sendingDomains.workspaceId, workspaceId)).orderBy(asc(sendingDomains.domain));
  return rows.map(toSendingDomainView);
};
