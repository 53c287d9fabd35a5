import { listAttributeDefinitions } from "@/server/domain/attributes/list-attribute-definitions";

export const workspaceAttributeKeys = async (workspaceId: string) =>
  new Set((await listAttributeDefinitions({ workspaceId })).map((a) => a.key));
