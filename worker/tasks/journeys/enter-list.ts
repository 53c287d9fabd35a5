import type { Task } from "graphile-worker";
import { z } from "zod";
import { db } from "@/server/db/client";
import { enterOnListJoin } from "@/server/domain/journeys/runtime/triggers/list-joined";

const Payload = z.object({ workspaceId: z.uuid(), listId: z.uuid(), at: z.string().min(1) });

/** After a CSV import committed: its list's "joined a list" journeys for everyone it added or re-subscribed. */
export const enterList: Task = async (raw) => {
  const { workspaceId, listId, at } = Payload.parse(raw);
  await db.transaction((tx) => enterOnListJoin(tx, { workspaceId, listId, at, statusChangesToo: true }));
};
