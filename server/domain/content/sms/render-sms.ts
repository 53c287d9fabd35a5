import { replaceLookalikes, stripForCharset, type CharacterChange, type SmsCharset } from "./sms-characters";
import { countSms, type SmsCount } from "./sms-encoding";
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

/** Credits keep the column's 4 decimals, so 3 × 0.0333 is 0.0999 and not 0.09989999999999999. */
const credits = (value: number) => Math.round(value * 10_000) / 10_000;

/** Body and footer on separate lines; trailing blank space in the body would only cost septets. */
export const joinFooter = (body: string, footer: string) => {
  const trimmedFooter = footer.trim();
  if (!trimmedFooter) return body;
  const trimmedBody = body.replace(/\s+$/, "");
  return trimmedBody ? `${trimmedBody}\n${trimmedFooter}` : trimmedFooter;
};

/**
 * One message exactly as it would be sent, and what it costs. Order matters: merge tags first (a
 * contact's name may bring a smart quote), then the footer, then the lookalike policy over both (a
 * footer's ’ would otherwise make every message UCS-2), and the route's charset last, since it
 * decides what can physically go out. Throws liquidjs's errors on a bad template: callers that take
 * drafts (preview) turn them into a LiquidProblem.
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
  const withFooter = joinFooter(rendered, template.optOutFooter);
  const { text: policed, replaced } =
    template.characterPolicy === "replace" ? replaceLookalikes(withFooter) : { text: withFooter, replaced: [] };
  const { text, removed } = stripForCharset(policed, route?.charset ?? "ucs2");
  const count = countSms(text);
  return { text, ...count, replaced, removed, cost: route ? credits(count.segments * route.pricePerSegment) : null };
};
