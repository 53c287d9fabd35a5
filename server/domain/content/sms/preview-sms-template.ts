import { z } from "zod";
import { parseInput } from "@/server/domain/contacts/field-errors";
import { invalidField } from "@/server/errors";
import { findSmsRoute } from "./find-sms-route";
import { getSmsTemplate } from "./get-sms-template";
import { liquidProblem, type LiquidProblem } from "./liquid-problem";
import { loadPreviewScope } from "@/server/domain/content/load-preview-scope";
import { renderSms, type RenderedSms } from "./render-sms";
import { ZCharacterPolicy, ZOptOutFooter, ZSmsBody, ZSmsRouteId, ZSmsTemplateId } from "./sms-rules";

/**
 * A draft (what is in the composer, saved or not) or a saved template (templateId alone), or a
 * saved one with some fields overridden. Fields left out come from the saved template, else defaults.
 */
export const ZPreviewSmsTemplate = z.object({
  templateId: ZSmsTemplateId.optional(),
  body: ZSmsBody.optional(),
  optOutFooter: ZOptOutFooter.optional(),
  characterPolicy: ZCharacterPolicy.optional(),
  routeId: ZSmsRouteId.nullish(),
  /** A contact of the workspace to fill the merge tags; without one, the sample person. */
  contactId: z.uuid({ message: "contactId must be a contact id" }).nullish(),
});

export type SmsPreview =
  | ({ ok: true; contact: { id: string; firstName: string | null; lastName: string | null } | null; route: { id: string; name: string } | null } & RenderedSms)
  | { ok: false; problem: LiquidProblem };

/**
 * Renders one message as the contact would get it, with its encoding, segments and cost. A template
 * that does not parse is an expected state while typing, so it comes back as a value with its line
 * and column rather than as an error.
 */
export const previewSmsTemplate = async ({ workspaceId, ...input }: z.input<typeof ZPreviewSmsTemplate> & { workspaceId: string }): Promise<SmsPreview> => {
  const draft = parseInput(ZPreviewSmsTemplate, input);
  const saved = draft.templateId ? await getSmsTemplate({ workspaceId, templateId: draft.templateId }) : null;
  const body = draft.body ?? saved?.body;
  if (body === undefined) throw invalidField("body", "Enter the message to preview");
  const routeId = draft.routeId === undefined ? saved?.routeId : draft.routeId;
  const route = routeId ? await findSmsRoute({ workspaceId, routeId }) : null;
  if (routeId && !route) throw invalidField("routeId", "Choose one of this workspace's SMS routes");
  const { scope, contact } = await loadPreviewScope({ workspaceId, contactId: draft.contactId });

  const template = {
    body,
    optOutFooter: draft.optOutFooter ?? saved?.optOutFooter ?? "",
    characterPolicy: draft.characterPolicy ?? saved?.characterPolicy ?? "keep",
  };
  try {
    const rendered = renderSms({ template, route, scope });
    return { ok: true, contact, route: route && { id: route.id, name: route.name }, ...rendered };
  } catch (error) {
    const problem = liquidProblem(error);
    if (!problem) throw error;
    return { ok: false, problem };
  }
};
