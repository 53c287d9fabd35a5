import { and, eq, sql } from "drizzle-orm";
import { emailTemplates } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { loadMergeWorkspace } from "@/server/domain/content/load-merge-parts";
import { buildMergeScope } from "@/server/domain/content/render/merge-scope";
import { renderEmail, type RenderedEmail } from "@/server/domain/content/render/render-email";
import { toEmailContent } from "@/server/domain/content/templates/email-content";
import type { JourneyNode } from "@/server/domain/journeys/journey-definition";
import { eventScope } from "@/server/domain/journeys/sends/prepare-journey-sends";
import { browserViewContact, compiledFor } from "./browser-view-parts";
import type { TrackedMessage } from "./find-tracked-message";
import { mergeLinks, trackingUrls } from "./tracking-urls";

/**
 * A journey email for its recipient's browser: the step that sent it (journey_sends by message id),
 * its run's event data ({{ event.* }}) and the step's template. Journey sends keep no snapshot, so a
 * template edited since shows its current revision, as the next run through the step would get it.
 * Links are tracked with signed targets, as in the email. Null when the run, journey or template is gone.
 */
export const renderJourneyBrowserView = async (message: TrackedMessage, token: string, appUrl: string): Promise<RenderedEmail | null> => {
  const [step] = await db.execute<{ node_id: string; context: Record<string, unknown>; definition: { nodes?: JourneyNode[] }; journey_id: string; journey_name: string }>(sql`
    select js.node_id, s.context, v.definition, j.id as journey_id, j.name as journey_name
    from journey_sends js
    join journey_states s on s.id = js.state_id and s.workspace_id = ${message.workspaceId}
    join journey_versions v on v.id = s.version_id and v.workspace_id = ${message.workspaceId}
    join journeys j on j.id = s.journey_id and j.workspace_id = ${message.workspaceId}
    where js.message_id = ${message.id} and js.workspace_id = ${message.workspaceId}
    limit 1`);
  const node = step?.definition.nodes?.find((n) => n.id === step.node_id);
  if (!step || node?.type !== "send_email" || !node.config.templateId) return null;
  const [template] = await db
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.id, node.config.templateId), eq(emailTemplates.workspaceId, message.workspaceId)));
  const workspace = await loadMergeWorkspace(message.workspaceId);
  const contact = await browserViewContact(message);
  if (!template || !workspace || !contact) return null;

  const compiled = await compiledFor(`template:${template.id}:${template.revision}`, toEmailContent(template));
  const urls = trackingUrls(appUrl, token);
  const scope = buildMergeScope({ contact, workspace, appUrl, event: eventScope(step.context), links: mergeLinks(urls) });
  scope.journey = { id: step.journey_id, name: step.journey_name };
  return renderEmail(compiled, scope, { rewriteLink: (href, index) => (index === null ? href : urls.click(index, href, null)) });
};
