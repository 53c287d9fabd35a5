import { sql } from "drizzle-orm";
import { db } from "@/server/db/client";
import { logger } from "@/server/logger";
import { compileSegmentWhere } from "@/server/domain/segments/compile-segment";
import { findSegment } from "@/server/domain/segments/find-segment";
import { prepareSegmentDefinition } from "@/server/domain/segments/prepare-segment-definition";
import { applySegmentQuerySettings } from "@/server/domain/segments/segment-query";
import { enterRuns } from "../enter-runs";
import { loadVersions } from "../version-cache";
import { liveTriggersOfType } from "./all-triggers";

/**
 * "Entered a segment", checked every minute (cron journeys/enter-segments), so an entry is detected
 * within about a minute of the contact coming to match. Each check enters the segment's contacts who
 * have no run the entry rule counts: with "once" a contact enters the first time they are seen in the
 * segment; with "again after N days" one still in the segment N days after entering enters again.
 * Segment membership is not tracked over time, so everyone matching when the journey goes live enters.
 */
export const enterSegmentJourneys = async ({ workspaceId }: { workspaceId?: string } = {}) => {
  const triggers = await liveTriggersOfType(db, "trigger_segment_entered", workspaceId);
  const versions = await loadVersions(db, triggers.map((t) => t.versionId));
  let entered = 0;
  for (const trigger of triggers) {
    const version = versions.get(trigger.versionId);
    const node = version?.nodes.get(trigger.nodeId);
    if (!version || node?.type !== "trigger_segment_entered" || !node.config.segmentId) continue;
    try {
      const segment = await findSegment({ workspaceId: trigger.workspaceId, segmentId: node.config.segmentId });
      const definition = await prepareSegmentDefinition({ workspaceId: trigger.workspaceId, definition: segment.definition });
      const where = compileSegmentWhere(definition, { workspaceId: trigger.workspaceId });
      const runs = await db.transaction(async (tx) => {
        await applySegmentQuerySettings(tx);
        return enterRuns(tx, {
          workspaceId: trigger.workspaceId,
          journeyId: trigger.journeyId,
          triggerNodeId: trigger.nodeId,
          entry: version.definition.settings.entry,
          source: sql`select c.id, jsonb_build_object('segment_id', ${segment.id}::text) from contacts c where ${where}`,
        });
      });
      entered += runs.length;
    } catch (error) {
      // One broken segment (deleted, an attribute gone) must not stop the other journeys' entries.
      logger.warn({ err: error, journeyId: trigger.journeyId, segmentId: node.config.segmentId }, "segment-entered trigger skipped");
    }
  }
  return { entered };
};
