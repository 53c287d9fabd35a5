import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { journeys } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";
import { AppError } from "@/server/errors";

export const ZJourneyId = z.uuid({ error: "journeyId must be a journey id" });

export const ZJourneyName = z
  .string({ error: "Give the journey a name" })
  .trim()
  .min(1, "Give the journey a name")
  .max(120, "Journey names are at most 120 characters");

export const ZJourneyDescription = z
  .string()
  .trim()
  .max(1000, "Descriptions are at most 1000 characters")
  .transform((text) => text || null)
  .nullable();

/** The journey row, locked for the rest of the transaction; NOT_FOUND unless it is this workspace's. */
export const lockJourney = async (tx: Executor, { workspaceId, journeyId }: { workspaceId: string; journeyId: string }) => {
  const [journey] = await tx
    .select()
    .from(journeys)
    .where(and(eq(journeys.id, journeyId), eq(journeys.workspaceId, workspaceId)))
    .for("update");
  if (!journey) throw new AppError("NOT_FOUND", "Journey not found");
  return journey;
};
