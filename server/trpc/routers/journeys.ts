import { z } from "zod";
import { archiveJourney, pauseJourney, resumeJourney, ZJourneyControl } from "@/server/domain/journeys/control-journey";
import { createJourney, ZCreateJourney } from "@/server/domain/journeys/create-journey";
import { getJourney } from "@/server/domain/journeys/get-journey";
import { ZJourneyId } from "@/server/domain/journeys/journey-fields";
import { journeyStats } from "@/server/domain/journeys/journey-stats";
import { listJourneys } from "@/server/domain/journeys/list-journeys";
import { publishJourney, ZPublishJourney } from "@/server/domain/journeys/publish-journey";
import { revealJourneyWebhookSecret } from "@/server/domain/journeys/reveal-journey-webhook-secret";
import { saveJourneyDraft, ZSaveJourneyDraft } from "@/server/domain/journeys/save-journey-draft";
import { listJourneyTemplates } from "@/server/domain/journeys/templates";
import { actorUserId, router, workspaceProcedure } from "../init";

// Like campaigns: reading needs reports:read, changing what is sent needs send.
const read = workspaceProcedure.meta({ scope: "reports:read" });
const write = workspaceProcedure.meta({ scope: "send" });
const ZJourneyRef = z.object({ journeyId: ZJourneyId });

export const journeysRouter = router({
  list: read.query(({ ctx }) => listJourneys({ workspaceId: ctx.workspace.id })),
  /** The pre-built journeys a new one can start from. */
  templates: read.query(() => listJourneyTemplates()),
  get: read.input(ZJourneyRef).query(({ ctx, input }) => getJourney({ workspaceId: ctx.workspace.id, ...input })),
  stats: read.input(ZJourneyRef).query(({ ctx, input }) => journeyStats({ workspaceId: ctx.workspace.id, ...input })),
  create: write
    .input(ZCreateJourney)
    .mutation(({ ctx, input }) => createJourney({ workspaceId: ctx.workspace.id, userId: actorUserId(ctx.actor), ...input })),
  saveDraft: write.input(ZSaveJourneyDraft).mutation(({ ctx, input }) => saveJourneyDraft({ workspaceId: ctx.workspace.id, ...input })),
  publish: write
    .input(ZPublishJourney)
    .mutation(({ ctx, input }) => publishJourney({ workspaceId: ctx.workspace.id, userId: actorUserId(ctx.actor), ...input })),
  pause: write.input(ZJourneyControl).mutation(({ ctx, input }) => pauseJourney({ workspaceId: ctx.workspace.id, ...input })),
  resume: write.input(ZJourneyControl).mutation(({ ctx, input }) => resumeJourney({ workspaceId: ctx.workspace.id, ...input })),
  archive: write.input(ZJourneyControl).mutation(({ ctx, input }) => archiveJourney({ workspaceId: ctx.workspace.id, ...input })),
  /** A query in effect, but a mutation so the secret never sits in a GET URL or a query cache; admins only, never API keys. */
  revealWebhookSecret: workspaceProcedure
    .meta({ role: "admin" })
    .input(ZJourneyRef)
    .mutation(({ ctx, input }) => revealJourneyWebhookSecret({ workspaceId: ctx.workspace.id, ...input })),
});
