import { z } from "zod";
import { addListMembers, ZAddListMembers } from "@/server/domain/lists/add-list-members";
import { changeMemberStatus, ZChangeMemberStatus } from "@/server/domain/lists/change-member-status";
import { createList, ZCreateList } from "@/server/domain/lists/create-list";
import { deleteList } from "@/server/domain/lists/delete-list";
import { getList } from "@/server/domain/lists/get-list";
import { listGrowth, ZListGrowth } from "@/server/domain/lists/list-growth";
import { listLists } from "@/server/domain/lists/list-lists";
import { listMembers, ZListMembers } from "@/server/domain/lists/list-members";
import { ZListId } from "@/server/domain/lists/list-rules";
import { removeListMembers, ZRemoveListMembers } from "@/server/domain/lists/remove-list-members";
import { updateList, ZUpdateList } from "@/server/domain/lists/update-list";
import { router, workspaceProcedure } from "../init";

const read = workspaceProcedure.meta({ scope: "contacts:read" });
const write = workspaceProcedure.meta({ scope: "contacts:write" });
const ZListRef = z.object({ listId: ZListId });

export const listsRouter = router({
  list: read.query(({ ctx }) => listLists({ workspaceId: ctx.workspace.id })),
  get: read.input(ZListRef).query(({ ctx, input }) => getList({ workspaceId: ctx.workspace.id, ...input })),
  growth: read.input(ZListGrowth).query(({ ctx, input }) => listGrowth({ workspaceId: ctx.workspace.id, ...input })),
  members: read.input(ZListMembers).query(({ ctx, input }) => listMembers({ workspaceId: ctx.workspace.id, ...input })),
  create: write.input(ZCreateList).mutation(({ ctx, input }) => createList({ workspaceId: ctx.workspace.id, ...input })),
  update: write.input(ZUpdateList).mutation(({ ctx, input }) => updateList({ workspaceId: ctx.workspace.id, ...input })),
  delete: write.input(ZListRef).mutation(({ ctx, input }) => deleteList({ workspaceId: ctx.workspace.id, ...input })),
  addMembers: write
    .input(ZAddListMembers)
    .mutation(({ ctx, input }) => addListMembers({ workspaceId: ctx.workspace.id, ...input })),
  removeMembers: write
    .input(ZRemoveListMembers)
    .mutation(({ ctx, input }) => removeListMembers({ workspaceId: ctx.workspace.id, ...input })),
  setMemberStatus: write
    .input(ZChangeMemberStatus)
    .mutation(({ ctx, input }) => changeMemberStatus({ workspaceId: ctx.workspace.id, ...input })),
});
