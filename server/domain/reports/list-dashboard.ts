import type { z } from "zod";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { getList } from "@/server/domain/lists/get-list";
import { ZListId } from "@/server/domain/lists/list-rules";
import { readEngagementFigures, ZReportPeriod } from "./engagement-figures";

export const ZListDashboard = ZReportPeriod.extend({ listId: ZListId });

/**
 * A list's engagement: the dashboard's figures for the campaigns sent to it (audience.listIds holds
 * it; exclusions do not count), with the list's members by status as they are now.
 */
export const listDashboard = async ({ workspaceId, ...input }: z.input<typeof ZListDashboard> & { workspaceId: string }) => {
  const { listId, days, timezone } = parseInput(ZListDashboard, input);
  // NOT_FOUND for another workspace's list, before any figures are read.
  const list = await getList({ workspaceId, listId });
  const figures = await readEngagementFigures({ workspaceId, days, timezone, listId });
  return { list: { id: list.id, name: list.name }, members: list.members, ...figures };
};

export type ListDashboard = Awaited<ReturnType<typeof listDashboard>>;
