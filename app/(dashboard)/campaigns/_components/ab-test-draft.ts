import type { CampaignDetail } from "./campaign-labels";

export type AbVariantDraft = { subject: string; emailTemplateId: string };

/** The A/B section's inputs as they hold them (strings); kept while the test is switched off, so switching back restores them. */
export type AbTestDraft = {
  enabled: boolean;
  field: "subject" | "content";
  variants: AbVariantDraft[];
  samplePercent: string;
  winnerBy: "opens" | "clicks";
  decideAfterHours: string;
};

export const MAX_AB_VARIANTS = 5;
const blankVariant = (): AbVariantDraft => ({ subject: "", emailTemplateId: "" });

export const abDraftFromCampaign = (test: CampaignDetail["abTest"]): AbTestDraft =>
  test
    ? {
        enabled: true,
        field: test.field,
        variants: test.variants.map((v) => ({ subject: v.subject ?? "", emailTemplateId: v.emailTemplateId ?? "" })),
        samplePercent: String(test.samplePercent),
        winnerBy: test.winnerBy,
        decideAfterHours: String(Math.round((test.decideAfterMinutes / 60) * 100) / 100),
      }
    : { enabled: false, field: "subject", variants: [blankVariant(), blankVariant()], samplePercent: "20", winnerBy: "opens", decideAfterHours: "4" };

const numberOrNaN = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

/** What campaigns.update takes for `abTest`; blanks are sent as they are, and the server names what is missing. */
export const abDraftToInput = (draft: AbTestDraft) =>
  draft.enabled
    ? {
        field: draft.field,
        variants: draft.variants.map((v) => (draft.field === "subject" ? { subject: v.subject } : { emailTemplateId: v.emailTemplateId || undefined })),
        samplePercent: numberOrNaN(draft.samplePercent),
        winnerBy: draft.winnerBy,
        decideAfterMinutes: Math.round(numberOrNaN(draft.decideAfterHours) * 60),
      }
    : null;

export const addVariant = (draft: AbTestDraft): AbTestDraft =>
  draft.variants.length >= MAX_AB_VARIANTS ? draft : { ...draft, variants: [...draft.variants, blankVariant()] };

export const removeVariant = (draft: AbTestDraft, index: number): AbTestDraft => ({ ...draft, variants: draft.variants.filter((_, i) => i !== index) });

/** What the browser can tell before asking the server: hours that are not a number. */
export const abDraftProblems = (draft: AbTestDraft): Record<string, string> => {
  if (!draft.enabled) return {};
  const problems: Record<string, string> = {};
  const hours = numberOrNaN(draft.decideAfterHours);
  if (!Number.isFinite(hours) || hours <= 0) problems["abTest.decideAfterMinutes"] = "Say after how many hours to pick the winner (at least 0.05, about a minute)";
  if (!Number.isFinite(numberOrNaN(draft.samplePercent))) problems["abTest.samplePercent"] = "Say what share of the audience is in the test, from 1 to 50%";
  return problems;
};
