import { replaceLookalikes, stripForCharset, type CharacterChange, type SmsCharset } from "./sms-characters";

/**
 * The steps after merge tags that turn a text into what is sent. Pure and free of Liquid, so the
 * composer runs exactly these on every keystroke and renderSms runs them on every message.
 */

/** Body and footer on separate lines; trailing blank space in the body would only cost units. */
export const joinFooter = (body: string, footer: string) => {
  const trimmedFooter = footer.trim();
  if (!trimmedFooter) return body;
  const trimmedBody = body.replace(/\s+$/, "");
  return trimmedBody ? `${trimmedBody}\n${trimmedFooter}` : trimmedFooter;
};

/**
 * Footer, then the lookalike policy over body and footer both (a footer's ’ would otherwise make every
 * message UCS-2), then the route's charset last, since it decides what can physically go out.
 */
export const finishSmsText = (
  body: string,
  { optOutFooter, characterPolicy, charset }: { optOutFooter: string; characterPolicy: "keep" | "replace"; charset: SmsCharset },
): { text: string; replaced: CharacterChange[]; removed: CharacterChange[] } => {
  const withFooter = joinFooter(body, optOutFooter);
  const { text: policed, replaced } = characterPolicy === "replace" ? replaceLookalikes(withFooter) : { text: withFooter, replaced: [] };
  const { text, removed } = stripForCharset(policed, charset);
  return { text, replaced, removed };
};

const LIQUID_MARKUP = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;

/**
 * The draft with its Liquid markup taken out: what the composer counts while typing, since a tag's
 * own characters ({ and } are two septets each) are not what a contact receives. The preview renders
 * the tags for a real contact and gives the exact figure.
 */
export const withoutLiquid = (source: string) => source.replace(LIQUID_MARKUP, "");

/** How many merge tags and Liquid tags the draft holds (the counter says they are left out). */
export const countLiquidMarkup = (source: string) => source.match(LIQUID_MARKUP)?.length ?? 0;

/** Credits for one message, to the column's 4 decimals (3 × 0.0333 is 0.0999, not 0.09989999999999999). */
export const smsCost = (segments: number, pricePerSegment: number) => Math.round(segments * pricePerSegment * 10_000) / 10_000;
