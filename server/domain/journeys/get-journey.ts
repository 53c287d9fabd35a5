import { and, desc, eq } from "drizzle-orm";
import { journeys, journeyVersions } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import type { JourneyDefinition } from "./journey-definition";

/**
 * A journey as the editor opens it: the draft to edit (with the revision a save must quote), and the
 * published versions. `hasUnpublishedChanges` compares the draft with the live version as jsonb
 * (both are the parsed document, so equal content compares equal whatever the key order).
 */
export const getJourney = async ({ workspaceId, journeyId }: { workspaceId: string; journeyId: string }) => {
  const [row] = await db
    .select({
      id: journeys.id,
      name: journeys.name,
      description: journeys.description,
      status: journeys.status,
      draft: journeys.draft,
      draftRevision: journeys.draftRevision,
      templateKey: journeys.templateKey,
      liveVersionId: journeys.liveVersionId,
      createdAt: journeys.createdAt,
      updatedAt: journeys.updatedAt,
      publishedAt: journeys.publishedAt,
    })
    .from(journeys)
    .where(and(eq(journeys.id, journeyId), eq(journeys.workspaceId, workspaceId)));
  if (!row) throw new AppError("NOT_FOUND", "Journey not found");
  const versions = await db
    .select({ id: journeyVersions.id, version: journeyVersions.version, publishedAt: journeyVersions.publishedAt, definition: journeyVersions.definition })
    .from(journeyVersions)
    .where(and(eq(journeyVersions.journeyId, journeyId), eq(journeyVersions.workspaceId, workspaceId)))
    .orderBy(desc(journeyVersions.version));
  const live = versions.find((version) => version.id === row.liveVersionId) ?? null;
  const { liveVersionId: _liveVersionId, ...journey } = row;
  return {
    ...journey,
    draft: row.draft as JourneyDefinition,
    liveVersion: live?.version ?? null,
    versions: versions.map(({ version, publishedAt }) => ({ version, publishedAt })),
    hasUnpublishedChanges: live === null || !sameDocument(row.draft, live.definition),
  };
};

/**
 * jsonb comes back with keys in Postgres's order, so compare structurally, not as text. Publishing
 * types branch rules (valueType, filled in from the workspace's attributes) in the frozen version;
 * that is not a change the marketer made, so it is not counted.
 */
const sameDocument = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a).filter((key) => key !== "valueType");
  const bKeys = Object.keys(b).filter((key) => key !== "valueType");
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) => sameDocument((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
};
