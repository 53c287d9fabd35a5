import { z } from "zod";
import { createSmsRoute, ZCreateSmsRoute } from "@/server/domain/content/sms/create-sms-route";
import { deleteSmsRoute } from "@/server/domain/content/sms/delete-sms-route";
import { listSmsRoutes } from "@/server/domain/content/sms/list-sms-routes";
import { ZSmsRouteId } from "@/server/domain/content/sms/sms-rules";
import { updateSmsRoute, ZUpdateSmsRoute } from "@/server/domain/content/sms/update-sms-route";
import { sendTestSms, ZSendTestSms } from "@/server/domain/delivery/sms/send-test-sms";
import { router, workspaceProcedure } from "../init";

// Anyone who composes needs the list (the route picker shows prices); changing what the workspace
// pays per segment is an admin's call, so API keys (at most editors) cannot manage routes at all.
const read = workspaceProcedure.meta({ scope: "templates:read" });
const manage = workspaceProcedure.meta({ scope: "templates:write", role: "admin" });

export const smsRoutesRouter = router({
  list: read.query(({ ctx }) => listSmsRoutes({ workspaceId: ctx.workspace.id })),
  create: manage.input(ZCreateSmsRoute).mutation(({ ctx, input }) => createSmsRoute({ workspaceId: ctx.workspace.id, ...input })),
  update: manage.input(ZUpdateSmsRoute).mutation(({ ctx, input }) => updateSmsRoute({ workspaceId: ctx.workspace.id, ...input })),
  delete: manage
    .input(z.object({ routeId: ZSmsRouteId }))
    .mutation(({ ctx, input }) => deleteSmsRoute({ workspaceId: ctx.workspace.id, ...input })),
  /** Really submits, through the route's provider, from the web process (an SMPP bind is kept per route). */
  sendTest: manage.input(ZSendTestSms).mutation(({ ctx, input }) => sendTestSms({ workspaceId: ctx.workspace.id, ...input })),
});
