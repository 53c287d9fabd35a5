import { z } from "zod";
import { listDncRegistries } from "@/server/domain/dnc/list-dnc-registries";
import { lookupDncNumber, ZLookupDncNumber } from "@/server/domain/dnc/lookup-dnc-number";
import { queueDncRefresh } from "@/server/domain/dnc/queue-dnc-refreshes";
import {
  createDncRegistry,
  deleteDncRegistry,
  updateDncRegistry,
  ZCreateDncRegistry,
  ZUpdateDncRegistry,
} from "@/server/domain/dnc/save-dnc-registry";
import { router, workspaceProcedure } from "../init";

const ZRegistryId = z.object({ registryId: z.uuid({ message: "registryId must be a register id" }) });

/**
 * Do-Not-Call registers. Numbers are uploaded through POST /api/v1/dnc/{registryId}/numbers (a
 * streamed file, too big for a JSON call) or downloaded by the worker from the source URL.
 */
export const dncRouter = router({
  list: workspaceProcedure.meta({ scope: "contacts:read" }).query(({ ctx }) => listDncRegistries({ workspaceId: ctx.workspace.id })),
  create: workspaceProcedure.input(ZCreateDncRegistry).mutation(({ ctx, input }) => createDncRegistry({ workspaceId: ctx.workspace.id, ...input })),
  update: workspaceProcedure.input(ZUpdateDncRegistry).mutation(({ ctx, input }) => updateDncRegistry({ workspaceId: ctx.workspace.id, ...input })),
  delete: workspaceProcedure.input(ZRegistryId).mutation(({ ctx, input }) => deleteDncRegistry({ workspaceId: ctx.workspace.id, ...input })),
  /** Queues a download of the source URL now; the list shows it pending, then its outcome. */
  refresh: workspaceProcedure
    .input(ZRegistryId.extend({ force: z.boolean().optional() }))
    .mutation(({ ctx, input }) => queueDncRefresh({ workspaceId: ctx.workspace.id, ...input })),
  lookup: workspaceProcedure
    .meta({ scope: "contacts:read" })
    .input(ZLookupDncNumber)
    .query(({ ctx, input }) => lookupDncNumber({ workspaceId: ctx.workspace.id, ...input })),
});
