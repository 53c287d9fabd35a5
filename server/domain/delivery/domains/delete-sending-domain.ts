import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { sendingDomains } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";
import { ZSendingDomainRef } from "./domain-rules";

/** Deletes the domain and its key: mail from it goes out unsigned until it is added and verified again. */
export const deleteSendingDomain = async ({ workspaceId, ...input }: z.input<typeof ZSendingDomainRef> & { workspaceId: string }) => {
  const { domainId } = parseInput(ZSendingDomainRef, input);
  const [row] = await db
    .delete(sendingDomains)
    .where(and(eq(sendingDomains.id, domainId), eq(sendingDomains.workspaceId, workspaceId)))
    .returning({ id: sendingDomains.id });
  if (!row) throw new AppError("NOT_FOUND", "Sending domain not found");
  return row;
};
