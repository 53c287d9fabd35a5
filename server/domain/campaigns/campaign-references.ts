import { and, eq, inArray } from "drizzle-orm";
import { emailTemplates, lists, segments, sendingIdentities, smsTemplates, type CampaignAudience } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { invalidFields, type FieldProblems } from "@/server/domain/contacts/field-errors";

type References = {
  emailTemplateId?: string | null;
  smsTemplateId?: string | null;
  sendingIdentityId?: string | null;
  audience?: CampaignAudience;
};

const owned = async (table: typeof lists | typeof segments, workspaceId: string, ids: string[]) =>
  ids.length === 0
    ? new Set<string>()
    : new Set((await db.select({ id: table.id }).from(table).where(and(eq(table.workspaceId, workspaceId), inArray(table.id, ids)))).map((r) => r.id));

/** Every template, sender, list and segment a campaign names must be the workspace's own; the reply names each field that is not. */
export const checkCampaignReferences = async (workspaceId: string, refs: References) => {
  const problems: FieldProblems = {};
  const exists = async (table: typeof emailTemplates | typeof smsTemplates | typeof sendingIdentities, id: string) =>
    (await db.select({ id: table.id }).from(table).where(and(eq(table.id, id), eq(table.workspaceId, workspaceId)))).length > 0;
  if (refs.emailTemplateId && !(await exists(emailTemplates, refs.emailTemplateId))) problems.emailTemplateId = "That email template does not exist in this workspace";
  if (refs.smsTemplateId && !(await exists(smsTemplates, refs.smsTemplateId))) problems.smsTemplateId = "That SMS template does not exist in this workspace";
  if (refs.sendingIdentityId && !(await exists(sendingIdentities, refs.sendingIdentityId))) problems.sendingIdentityId = "That sender does not exist in this workspace";
  if (refs.audience) {
    const listIds = [...refs.audience.listIds, ...refs.audience.excludeListIds];
    const segmentIds = [...refs.audience.segmentIds, ...refs.audience.excludeSegmentIds];
    const [ownLists, ownSegments] = await Promise.all([owned(lists, workspaceId, listIds), owned(segments, workspaceId, segmentIds)]);
    if (listIds.some((id) => !ownLists.has(id))) problems.audience = "A chosen list does not exist in this workspace";
    else if (segmentIds.some((id) => !ownSegments.has(id))) problems.audience = "A chosen segment does not exist in this workspace";
  }
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
};
