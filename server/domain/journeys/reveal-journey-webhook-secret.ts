import { and, eq } from "drizzle-orm";
import { journeys } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";

/** The key webhook nodes sign with (X-Herald-Signature), for the receiver to verify; admins only (the router checks). */
export const revealJourneyWebhookSecret = async ({ workspaceId, journeyId }: { workspaceId: string; journeyId: string }) => {
  const [row] = await db
    .select({ secret: journeys.webhookSecret })
    .from(journeys)
    .where(and(eq(journeys.id, journeyId), eq(journeys.workspaceId, workspaceId)));
  if (!row) throw new AppError("NOT_FOUND", "Journey not found");
  return { secret: row.secret };
};
