import { eq } from "drizzle-orm";
import { z } from "zod";
import { workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { AppError } from "@/server/errors";

export const ZSetPostalAddress = z.object({
  postalAddress: z.string().trim().max(300, "Keep the address under 300 characters").refine((s) => !/[<>{}]/.test(s), "The address cannot contain < > { or }"),
});

/** The physical address every marketing footer shows ({{ workspace.postal_address }}), as CAN-SPAM requires. */
export const setPostalAddress = async ({ workspaceId, ...input }: z.input<typeof ZSetPostalAddress> & { workspaceId: string }) => {
  const { postalAddress } = parseInput(ZSetPostalAddress, input);
  const [row] = await db
    .update(workspaces)
    .set({ postalAddress: postalAddress || null })
    .where(eq(workspaces.id, workspaceId))
    .returning({ id: workspaces.id, postalAddress: workspaces.postalAddress });
  if (!row) throw new AppError("NOT_FOUND", "Workspace not found");
  return row;
};
