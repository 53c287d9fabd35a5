import { finishSmsText, withoutLiquid, countLiquidMarkup, smsCost } from "@/server/domain/content/sms/sms-message";
import { countSms } from "@/server/domain/content/sms/sms-encoding";
import type { SmsCharset } from "@/server/domain/content/sms/sms-characters";

/** What the composer edits; the same fields smsTemplates.update and .preview take. */
export type SmsDraft = {
  name: string;
  body: string;
  optOutFooter: string;
  characterPolicy: "keep" | "replace";
  routeId: string | null;
};

export type DraftRoute = { id: string; name: string; charset: SmsCharset; pricePerSegment: number };

/**
 * The live figures, on every keystroke, from the same pure steps renderSms runs on the server. Merge
 * tags are left out (their own braces cost two septets each and are not what anyone receives); the
 * preview renders them for a real contact.
 */
export const measureDraft = (draft: SmsDraft, route: DraftRoute | null) => {
  const finished = finishSmsText(withoutLiquid(draft.body), {
    optOutFooter: draft.optOutFooter,
    characterPolicy: draft.characterPolicy,
    charset: route?.charset ?? "ucs2",
  });
  const count = countSms(finished.text);
  return {
    ...count,
    removed: finished.removed,
    mergeTags: countLiquidMarkup(draft.body),
    cost: route ? smsCost(count.segments, route.pricePerSegment) : null,
  };
};

export type DraftMeasure = ReturnType<typeof measureDraft>;
