import { eq } from "drizzle-orm";
import { sendingIdentities } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { findEmailTemplate } from "./find-email-template";

/** The template with everything the editor shows; builder data included (it can be large, so list views omit it). */
export const getEmailTemplate = async ({ workspaceId, templateId }: { workspaceId: string; templateId: string }) => {
  const template = await findEmailTemplate({ workspaceId, templateId });
  const [identity] = template.sendingIdentityId
    ? await db.select().from(sendingIdentities).where(eq(sendingIdentities.id, template.sendingIdentityId))
    : [];
  const { workspaceId: _, ...rest } = template;
  return { ...rest, sendingIdentity: identity && identity.workspaceId === workspaceId ? { id: identity.id, fromName: identity.fromName, fromEmail: identity.fromEmail } : null };
};
