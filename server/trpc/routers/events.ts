import { z } from "zod";
import { MAX_EVENTS_PER_BATCH, ZTrackEventInput } from "@/server/domain/events/event-input";
import { listContactEvents, ZListContactEvents } from "@/server/domain/events/list-contact-events";
import { trackEvents } from "@/server/domain/events/track-events";
import { router, workspaceProcedure } from "../init";

export const eventsRouter = router({
  /** Up to 1,000 events; each is answered by index (accepted, or rejected with the reason). */
  track: workspaceProcedure
    .meta({ scope: "contacts:write" })
    .input(
      z.object({
        events: z
          .array(ZTrackEventInput)
          .min(1, "Send at least one event")
          .max(MAX_EVENTS_PER_BATCH, `Send at most ${MAX_EVENTS_PER_BATCH} events per call`),
      }),
    )
    .mutation(({ ctx, input }) => trackEvents({ workspaceId: ctx.workspace.id, events: input.events })),
  listForContact: workspaceProcedure
    .meta({ scope: "contacts:read" })
    .input(ZListContactEvents)
    .query(({ ctx, input }) => listContactEvents({ workspaceId: ctx.workspace.id, ...input })),
});
