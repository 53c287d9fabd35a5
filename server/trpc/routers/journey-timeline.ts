import { listContactJourneyRuns, listContactJourneySteps, ZListContactJourneySteps } from "@/server/domain/journeys/list-contact-journey-steps";
import { router, workspaceProcedure } from "../init";

/** A contact's journeys on the contact page: the runs they are or were in, and every step, newest first. */
export const journeyTimelineRouter = router({
  contact: workspaceProcedure
    .meta({ scope: "contacts:read" })
    .input(ZListContactJourneySteps)
    .query(async ({ ctx, input }) => {
      const [runs, page] = await Promise.all([
        input.cursor ? Promise.resolve(null) : listContactJourneyRuns({ workspaceId: ctx.workspace.id, contactId: input.contactId }),
        listContactJourneySteps({ workspaceId: ctx.workspace.id, ...input }),
      ]);
      return { runs, ...page };
    }),
});
