import { listDashboard, ZListDashboard } from "@/server/domain/reports/list-dashboard";
import { workspaceDashboard, ZWorkspaceDashboard } from "@/server/domain/reports/workspace-dashboard";
import { router, workspaceProcedure } from "../init";

const read = workspaceProcedure.meta({ scope: "reports:read" });

export const reportsRouter = router({
  workspace: read.input(ZWorkspaceDashboard).query(({ ctx, input }) => workspaceDashboard({ workspaceId: ctx.workspace.id, ...input })),
  list: read.input(ZListDashboard).query(({ ctx, input }) => listDashboard({ workspaceId: ctx.workspace.id, ...input })),
});
