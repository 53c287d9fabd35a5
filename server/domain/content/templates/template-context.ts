import { eq } from "drizzle-orm";
import { workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { listAttributeDefinitions } from "@/server/domain/attributes/list-attribute-definitions";

/** What checking a template needs to know about its workspace. */
export type TemplateContext = { attributeKeys: ReadonlySet<string>; hasPostalAddress: boolean };

export const loadTemplateContext = async (workspaceId: string): Promise<TemplateContext> => {
  const [attributes, [workspace]] = await Promise.all([
    listAttributeDefinitions({ workspaceId }),
    db.select({ postalAddress: workspaces.postalAddress }).from(workspaces).where(eq(workspaces.id, workspaceId)),
  ]);
  return { attributeKeys: new Set(attributes.map((a) => a.key)), hasPostalAddress: Boolean(workspace?.postalAddress?.trim()) };
};
