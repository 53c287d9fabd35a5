import { and, eq, isNull, sql } from "drizzle-orm";
import { smsRoutes, smsTemplates, workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { buildMergeScope } from "@/server/domain/content/render/merge-scope";
import { renderSms } from "@/server/domain/content/sms/render-sms";
import type { JourneyNodeOf } from "@/server/domain/journeys/journey-definition";
import type { StepExecutor, StepItem, StepOutcome } from "@/server/domain/journeys/runtime/step-types";
import { messageToken } from "@/server/domain/tracking/message-token";
import { trackingUrls } from "@/server/domain/tracking/tracking-urls";
import { env } from "@/server/env";
import { recordJourneyDeliveries, type DeliveredSend } from "../../sends/journey-send-records";
import { eventScope, prepareJourneySends } from "../../sends/prepare-journey-sends";
import { retryRefusedSend, SEND_RETRY_MINUTES, withSendRetries } from "../../sends/send-retries";
import { canSubmitSms, NO_SMS_ROUTE, submitSms, type SmsRouteForSending } from "../../sends/submit-sms";
import { eachLimited } from "./send-email";

const marketOf = (country: string | null) => (country && ["HK", "MO", "TW", "CN"].includes(country) ? country : "INTL");

/**
 * send_sms: the node's SMS template to each run's phone, with the same consent, quiet hours, frequency
 * cap, exactly-once charge (segments × the route's price) and message log as send_email. The route is
 * the node's, else the template's, else the first of the workspace's routes serving the number's
 * market; a run with no route that can send (no provider) is skipped with "no SMS route can send"
 * before anything is charged.
 */
export const sendSmsExecutor: StepExecutor<JourneyNodeOf<"send_sms">> = async (input) => {
  const { journey, node, items } = input;
  const workspaceId = journey.workspaceId;
  const outcomes = new Map<number, StepOutcome>();
  const moveOn = (outcome: string, detail: Record<string, unknown>): StepOutcome => ({ kind: "next", handle: "next", outcome, detail });
  const [template] = node.config.templateId
    ? await db
        .select()
        .from(smsTemplates)
        .where(and(eq(smsTemplates.id, node.config.templateId), eq(smsTemplates.workspaceId, workspaceId), isNull(smsTemplates.archivedAt)))
    : [];
  if (!template) return new Map(items.map((item) => [item.stateId, moveOn("failed", { reason: "the SMS template was deleted or archived" })]));
  const [workspace] = await db.select({ id: workspaces.id, name: workspaces.name, postalAddress: workspaces.postalAddress }).from(workspaces).where(eq(workspaces.id, workspaceId));
  const routes: SmsRouteForSending[] = await db
    .select({ id: smsRoutes.id, workspaceId: smsRoutes.workspaceId, name: smsRoutes.name, markets: smsRoutes.markets, pricePerSegment: smsRoutes.pricePerSegment, charset: smsRoutes.charset, provider: smsRoutes.provider })
    .from(smsRoutes)
    .where(eq(smsRoutes.workspaceId, workspaceId));
  const chosen = routes.find((r) => r.id === (node.config.routeId ?? template.routeId)) ?? null;
  const routeFor = (item: StepItem) =>
    canSubmitSms(chosen) ? chosen : (routes.find((r) => canSubmitSms(r) && r.markets.includes(marketOf(item.contact.phoneCountry))) ?? null);

  const appUrl = env().APP_URL.replace(/\/$/, "");
  const render = (item: StepItem, route: SmsRouteForSending, messageId: string) => {
    const urls = trackingUrls(appUrl, messageToken(messageId));
    const scope = buildMergeScope({
      contact: item.contact,
      workspace: workspace!,
      appUrl,
      event: eventScope(item.context),
      links: { unsubscribeUrl: urls.unsubscribe, preferencesUrl: urls.preferences, viewInBrowserUrl: urls.viewInBrowser },
    });
    scope.journey = { id: journey.id, name: journey.name };
    return renderSms({ template, route, scope });
  };

  // Priced with a stand-in message id: tracked links have the same length whatever the id, so the segments match.
  const routed = new Map<number, SmsRouteForSending>();
  const priced = new Map<number, number>();
  const sendable: StepItem[] = [];
  for (const item of items) {
    const route = routeFor(item);
    if (!route) {
      outcomes.set(item.stateId, moveOn("skipped", { reason: NO_SMS_ROUTE, code: "no_sms_route" }));
      continue;
    }
    try {
      priced.set(item.stateId, render(item, route, "00000000-0000-4000-8000-000000000000").cost ?? 0);
    } catch (error) {
      outcomes.set(item.stateId, moveOn("failed", { reason: `the SMS template has errors: ${(error as Error).message}` }));
      continue;
    }
    routed.set(item.stateId, route);
    sendable.push(item);
  }
  if (sendable.length === 0) return outcomes;

  const prepared = await prepareJourneySends({ input: { ...input, items: sendable }, channel: "sms", price: (item) => priced.get(item.stateId)! });
  for (const [stateId, outcome] of prepared.outcomes) outcomes.set(stateId, outcome);

  const delivered: Array<DeliveredSend & { item: StepItem }> = [];
  const providerIds: Array<{ id: string; provider_id: string }> = [];
  const refused: Array<{ stateId: number; outcome: StepOutcome }> = [];
  await eachLimited(prepared.toSend, 8, async (send) => {
    const route = routed.get(send.stateId)!;
    const sms = render(send.item, route, send.messageId);
    const result = await submitSms(route, { messageId: send.messageId, to: send.address, text: sms.text, segments: sms.segments });
    if (result.ok) {
      delivered.push({ ...send, state: "sent", reason: null });
      if (result.providerId) providerIds.push({ id: send.messageId, provider_id: result.providerId });
    }
    else if (result.permanent) delivered.push({ ...send, state: "failed", reason: result.reason.slice(0, 500) });
    else {
      const retry = retryRefusedSend(send.item, node.id, input.now, result.reason.slice(0, 500));
      if (retry) refused.push({ stateId: send.stateId, outcome: retry });
      else delivered.push({ ...send, state: "failed", reason: `still refused after ${SEND_RETRY_MINUTES.length + 1} attempts: ${result.reason.slice(0, 400)}` });
    }
  });
  // The provider's id is known only now (the message row was written at charge time): delivery receipts match on it.
  if (providerIds.length > 0)
    await db.execute(sql`
      update messages m set external_id = v.provider_id
      from json_to_recordset(${JSON.stringify(providerIds)}::json) as v(id uuid, provider_id text)
      where m.id = v.id and m.workspace_id = ${workspaceId} and m.created_at > now() - interval '2 days'`);
  await recordJourneyDeliveries({ workspaceId, nodeId: node.id, stepNoByState: prepared.stepNoByState, channel: "sms", deliveries: delivered });
  for (const d of delivered)
    outcomes.set(d.stateId, {
      ...moveOn(d.state, d.reason ? { messageId: d.messageId, reason: d.reason } : { messageId: d.messageId }),
      context: withSendRetries(d.item.context, node.id, null),
    } as StepOutcome);
  for (const r of refused) outcomes.set(r.stateId, r.outcome);
  return outcomes;
};
