import { disableNode } from "@/server/domain/nodes/disable-node";
import { enableNode } from "@/server/domain/nodes/enable-node";
import { listNodes } from "@/server/domain/nodes/list-nodes";
import { ZNodeRef } from "@/server/domain/nodes/node-rules";
import { instanceAdminProcedure, router } from "../init";

/** Sending nodes serve every workspace, so only the instance's administrators see or stop them. */
export const nodesRouter = router({
  list: instanceAdminProcedure.query(() => listNodes()),
  disable: instanceAdminProcedure.input(ZNodeRef).mutation(({ input }) => disableNode(input)),
  enable: instanceAdminProcedure.input(ZNodeRef).mutation(({ input }) => enableNode(input)),
});
