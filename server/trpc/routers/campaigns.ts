import { z } from "zod";
import { cancelCampaign, pauseCampaign, resumeCampaign, ZCampaignControl } from "@/server/domain/campaigns/control-campaign";
import { campaignReport, ZCampaignReport } from "@/server/domain/campaigns/campaign-report";
import { ZCampaignId } from "@/server/domain/campaigns/campaign-rules";
import { sendAbWinnerNow, ZSendWinner } from "@/server/domain/campaigns/ab/decide-ab-winner";
import { getCampaign, listCampaigns } from "@/server/domain/campaigns/get-campaign";
import { launchCampaign, ZLaunchCampaign } from "@/server/domain/campaigns/launch-campaign";
import { createCampaign, updateCampaign, ZCreateCampaign, ZUpdateCampaign } from "@/server/domain/campaigns/save-campaign";
import { actorUserId, router, workspaceProcedure } from "../init";

const read = workspaceProcedure.meta({ scope: "reports:read" });
const write = workspaceProcedure.meta({ scope: "send" });
const actorName = (actor: { kind: string; name: string }) => (actor.kind === "user" ? actor.name : `API key “${actor.name}”`);

export const campaignsRouter = router({
  list: read.query(({ ctx }) => listCampaigns({ workspaceId: ctx.workspace.id })),
  get: read.input(z.object({ campaignId: ZCampaignId })).query(({ ctx, input }) => getCampaign({ workspaceId: ctx.workspace.id, ...input })),
  report: read.input(ZCampaignReport).query(({ ctx, input }) => campaignReport({ workspaceId: ctx.workspace.id, ...input })),
  create: write
    .input(ZCreateCampaign)
    .mutation(({ ctx, input }) => createCampaign({ workspaceId: ctx.workspace.id, userId: actorUserId(ctx.actor), ...input })),
  update: write.input(ZUpdateCampaign).mutation(({ ctx, input }) => updateCampaign({ workspaceId: ctx.workspace.id, ...input })),
  launch: write.input(ZLaunchCampaign).mutation(({ ctx, input }) => launchCampaign({ workspaceId: ctx.workspace.id, ...input })),
  pause: write.input(ZCampaignControl).mutation(({ ctx, input }) => pauseCampaign({ workspaceId: ctx.workspace.id, actorName: actorName(ctx.actor), ...input })),
  resume: write.input(ZCampaignControl).mutation(({ ctx, input }) => resumeCampaign({ workspaceId: ctx.workspace.id, ...input })),
  /** A/B test: send the rest of the audience a chosen variant, or the best so far, without waiting. */
  sendWinner: write.input(ZSendWinner).mutation(({ ctx, input }) => sendAbWinnerNow({ workspaceId: ctx.workspace.id, ...input })),
  cancel: write.input(ZCampaignControl).mutation(({ ctx, input }) => cancelCampaign({ workspaceId: ctx.workspace.id, actorName: actorName(ctx.actor), ...input })),
});
