import type { CharacterChange, SmsCharset } from "./sms-characters";
import { countSms, type SmsCount } from "./sms-encoding";
import { finishSmsText, smsCost } from "./sms-message";
import { compileTextTemplate } from "@/server/domain/content/render/compile-text";

export type RenderSmsTemplate = { body: string; optOutFooter: string; characterPolicy: "keep" | "replace" };
export type RenderSmsRoute = { charset: SmsCharset; pricePerSegment: number };

export type RenderedSms = SmsCount & {
  text: string;
  /** Lookalikes swapped under the "replace" policy. */
  replaced: CharacterChange[];
  /** Characters the route's charset could not carry, dropped. */
  removed: CharacterChange[];
  /** Credits for one message (segments × the route's price), or null without a route. */
  cost: number | null;
};

/**
 * One message exactly as it would be sent, and what it costs: merge tags first (a contact's name may
 * bring a smart quote), then finishSmsText (footer, lookalike policy, the route's charset). Throws
 * liquidjs's errors on a bad template: callers that take drafts (preview) turn them into a LiquidProblem.
 */
export const renderSms = ({
  template,
  route,
  scope,
}: {
  template: RenderSmsTemplate;
  route: RenderSmsRoute | null;
  scope: Record<string, unknown>;
}): RenderedSms => {
  const rendered = compileTextTemplate(template.body, { escape: "none" }).render(scope);
  const { text, replaced, removed } = finishSmsText(rendered, { ...template, charset: route?.charset ?? "ucs2" });
  const count = countSms(text);
  return { text, ...count, replaced, removed, cost: route ? smsCost(count.segments, route.pricePerSegment) : null };
};
