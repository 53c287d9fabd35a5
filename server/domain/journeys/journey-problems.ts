import { and, eq, inArray } from "drizzle-orm";
import { emailTemplates, lists, segments, sendingIdentities, smsRoutes, smsTemplates } from "@/drizzle/schema";
import type { Executor } from "@/server/db/client";
import { prepareSegmentDefinition } from "@/server/domain/segments/prepare-segment-definition";
import { isAppError } from "@/server/errors";
import type { JourneyDefinition, JourneyNode } from "./journey-definition";
import { describeNode, type JourneyProblem } from "./journey-graph";

const ids = (values: Array<string | null | undefined>) => [...new Set(values.filter((value): value is string => Boolean(value)))];

/**
 * What publishing checks beyond the graph, against the workspace: the templates (email and SMS) exist
 * here and are not archived, the lists, segments, senders and SMS routes exist here, a send has a
 * sender (its own or its template's), and branch rules make sense for this workspace's attributes
 * and lists. Returns the definition to freeze, with branch rules typed as segments store them.
 */
export const findJourneyReferenceProblems = async (
  executor: Executor,
  { workspaceId, definition }: { workspaceId: string; definition: JourneyDefinition },
): Promise<{ problems: JourneyProblem[]; definition: JourneyDefinition }> => {
  const nodes = definition.nodes;
  const of = <T extends JourneyNode["type"]>(...types: T[]) => nodes.filter((node): node is Extract<JourneyNode, { type: T }> => (types as string[]).includes(node.type));
  const emailIds = ids(of("send_email").map((node) => node.config.templateId));
  const smsIds = ids(of("send_sms").map((node) => node.config.templateId));
  const listIds = ids(of("trigger_list_joined", "add_to_list", "remove_from_list").map((node) => node.config.listId));
  const segmentIds = ids(of("trigger_segment_entered").map((node) => node.config.segmentId));
  const senderIds = ids(of("send_email").map((node) => node.config.sendingIdentityId));
  const routeIds = ids(of("send_sms").map((node) => node.config.routeId));

  const [emails, sms, foundLists, foundSegments, senders, routes] = await Promise.all([
    emailIds.length
      ? executor
          .select({ id: emailTemplates.id, name: emailTemplates.name, archivedAt: emailTemplates.archivedAt, sendingIdentityId: emailTemplates.sendingIdentityId })
          .from(emailTemplates)
          .where(and(eq(emailTemplates.workspaceId, workspaceId), inArray(emailTemplates.id, emailIds)))
      : [],
    smsIds.length
      ? executor
          .select({ id: smsTemplates.id, name: smsTemplates.name, archivedAt: smsTemplates.archivedAt })
          .from(smsTemplates)
          .where(and(eq(smsTemplates.workspaceId, workspaceId), inArray(smsTemplates.id, smsIds)))
      : [],
    listIds.length ? executor.select({ id: lists.id }).from(lists).where(and(eq(lists.workspaceId, workspaceId), inArray(lists.id, listIds))) : [],
    segmentIds.length
      ? executor.select({ id: segments.id }).from(segments).where(and(eq(segments.workspaceId, workspaceId), inArray(segments.id, segmentIds)))
      : [],
    senderIds.length
      ? executor
          .select({ id: sendingIdentities.id })
          .from(sendingIdentities)
          .where(and(eq(sendingIdentities.workspaceId, workspaceId), inArray(sendingIdentities.id, senderIds)))
      : [],
    routeIds.length
      ? executor.select({ id: smsRoutes.id }).from(smsRoutes).where(and(eq(smsRoutes.workspaceId, workspaceId), inArray(smsRoutes.id, routeIds)))
      : [],
  ]);
  const emailById = new Map(emails.map((row) => [row.id, row]));
  const smsById = new Map(sms.map((row) => [row.id, row]));
  const has = (rows: Array<{ id: string }>) => new Set(rows.map((row) => row.id));
  const [listSet, segmentSet, senderSet, routeSet] = [has(foundLists), has(foundSegments), has(senders), has(routes)];

  const problems: JourneyProblem[] = [];
  const frozen: JourneyNode[] = [];
  for (const node of nodes) {
    const add = (code: JourneyProblem["code"], field: string, message: string) =>
      problems.push({ code, nodeId: node.id, field, message: `${describeNode(node)}: ${message}` });
    switch (node.type) {
      case "send_email": {
        const { templateId, sendingIdentityId } = node.config;
        const template = templateId ? emailById.get(templateId) : undefined;
        if (templateId && !template) add("template_not_found", "config.templateId", "the email template no longer exists; choose another");
        if (template?.archivedAt) add("template_archived", "config.templateId", `the template “${template.name}” is archived; restore it or choose another`);
        if (sendingIdentityId && !senderSet.has(sendingIdentityId)) add("sender_not_found", "config.sendingIdentityId", "the sender no longer exists; choose another");
        else if (template && !sendingIdentityId && !template.sendingIdentityId)
          add("missing_sender", "config.sendingIdentityId", `choose who the email comes from (the template “${template.name}” has no sender)`);
        break;
      }
      case "send_sms": {
        const template = node.config.templateId ? smsById.get(node.config.templateId) : undefined;
        if (node.config.templateId && !template) add("template_not_found", "config.templateId", "the SMS template no longer exists; choose another");
        if (template?.archivedAt) add("template_archived", "config.templateId", `the SMS template “${template.name}” is archived; restore it or choose another`);
        if (node.config.routeId && !routeSet.has(node.config.routeId)) add("sms_route_not_found", "config.routeId", "the SMS route no longer exists; choose another");
        break;
      }
      case "trigger_list_joined":
      case "add_to_list":
      case "remove_from_list":
        if (node.config.listId && !listSet.has(node.config.listId)) add("list_not_found", "config.listId", "the list no longer exists; choose another");
        break;
      case "trigger_segment_entered":
        if (node.config.segmentId && !segmentSet.has(node.config.segmentId)) add("segment_not_found", "config.segmentId", "the segment no longer exists; choose another");
        break;
      case "branch_segment":
        try {
          const prepared = await prepareSegmentDefinition({ workspaceId, definition: node.config.definition, executor });
          frozen.push({ ...node, config: { ...node.config, definition: prepared } });
          continue;
        } catch (error) {
          if (!isAppError(error) || error.code !== "BAD_REQUEST") throw error;
          const byPath = Object.entries(error.fieldErrors ?? { definition: [error.message] });
          for (const [path, messages] of byPath) add("invalid_branch_rules", `config.definition.${path}`, `${path}: ${messages.join(", ")}`);
        }
        break;
      default:
        break;
    }
    frozen.push(node);
  }
  return { problems, definition: { ...definition, nodes: frozen } };
};
