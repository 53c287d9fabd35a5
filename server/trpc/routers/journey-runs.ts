import { enterJourneyByApi, ZEnterJourney } from "@/server/domain/journeys/enter-journey";
import { router, workspaceProcedure } from "../init";

export const journeyRunsRouter = router({
  /** The API trigger: one contact enters a live journey that starts with "API call"; `data` is its {{ event.* }}. */
  enter: workspaceProcedure
    .meta({ scope: "contacts:write" })
    .input(ZEnterJourney)
    .mutation(({ ctx, input }) => enterJourneyByApi({ workspaceId: ctx.workspace.id, ...input })),
});
