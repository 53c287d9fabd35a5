import type { z } from "zod";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { readEngagementFigures, ZReportPeriod } from "./engagement-figures";

export const ZWorkspaceDashboard = ZReportPeriod;

/** The Reports page: the workspace's sending and engagement over the last 7, 30 or 90 days. */
export const workspaceDashboard = async ({ workspaceId, ...input }: z.input<typeof ZWorkspaceDashboard> & { workspaceId: string }) => {
  const { days, timezone } = parseInput(ZWorkspaceDashboard, input);
  return readEngagementFigures({ workspaceId, days, timezone });
};

export type WorkspaceDashboard = Awaited<ReturnType<typeof workspaceDashboard>>;
