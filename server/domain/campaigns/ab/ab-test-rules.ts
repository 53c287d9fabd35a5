import { z } from "zod";
import type { CampaignAbTest } from "@/drizzle/schema";
import { invalidFields, type FieldProblems } from "@/server/domain/contacts/field-errors";
import { ZSubject } from "@/server/domain/content/templates/template-rules";

export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = 5;
/** A month: past that, the rest of the audience would get a campaign about something long gone. */
export const MAX_DECIDE_AFTER_MINUTES = 30 * 24 * 60;

const ZVariant = z.object({
  subject: ZSubject.optional(),
  emailTemplateId: z.string().uuid({ message: "Choose an email template for this variant" }).optional(),
});

export const ZAbTest = z.object({
  field: z.enum(["subject", "content"], { message: "Test either the subject or the content" }),
  variants: z
    .array(ZVariant, { message: "List the variants to test" })
    .min(MIN_VARIANTS, `Add at least ${MIN_VARIANTS} variants`)
    .max(MAX_VARIANTS, `Test at most ${MAX_VARIANTS} variants`),
  samplePercent: z
    .number({ message: "The test share must be a number from 1 to 50" })
    .int("The test share must be a whole percentage")
    .min(1, "Test on at least 1% of the audience")
    .max(50, "Test on at most 50% of the audience; the rest gets the winner"),
  winnerBy: z.enum(["opens", "clicks"], { message: "Pick the winner by opens or clicks" }),
  decideAfterMinutes: z
    .number({ message: "Say how long to wait before picking the winner" })
    .int("Wait a whole number of minutes")
    .min(1, "Wait at least a minute before picking the winner")
    .max(MAX_DECIDE_AFTER_MINUTES, "Pick the winner within 30 days (720 hours)"),
});

/** What the API takes: checked in the domain (parseAbTest), so problems are named like `abTest.variants[1].subject`. */
export const ZAbTestInput = z.custom<CampaignAbTest>((value) => typeof value === "object" && value !== null && !Array.isArray(value), {
  message: "An A/B test is an object: field, variants, samplePercent, winnerBy, decideAfterMinutes",
});

/** `["variants", 1, "subject"]` → `abTest.variants[1].subject`. */
export const abTestPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : `${out}.${String(key)}`), "abTest");

/**
 * Each variant must carry what the tested field needs. Checked apart from the schema (and from the raw
 * input) so these are listed together with any other problem rather than only once the rest is right.
 */
const variantProblems = (raw: unknown): [string, string][] => {
  const test = raw as { field?: unknown; variants?: unknown } | null;
  if (!test || !Array.isArray(test.variants)) return [];
  return test.variants.flatMap((variant: unknown, i): [string, string][] => {
    const v = variant as { subject?: unknown; emailTemplateId?: unknown } | null;
    if (!v || typeof v !== "object") return [];
    if (test.field === "subject" && !(typeof v.subject === "string" && v.subject.trim()))
      return [[abTestPath(["variants", i, "subject"]), "Write this variant's subject"]];
    if (test.field === "content" && !v.emailTemplateId) return [[abTestPath(["variants", i, "emailTemplateId"]), "Choose an email template for this variant"]];
    return [];
  });
};

/** The definition, keeping only what its field uses; throws a BAD_REQUEST naming every wrong field. */
export const parseAbTest = (raw: unknown): CampaignAbTest => {
  const parsed = ZAbTest.safeParse(raw);
  const problems: FieldProblems = {};
  if (!parsed.success) for (const issue of parsed.error.issues) problems[abTestPath(issue.path)] ??= issue.message;
  for (const [path, message] of variantProblems(raw)) problems[path] ??= message;
  if (!parsed.success || Object.keys(problems).length > 0) throw invalidFields(problems);
  const test = parsed.data;
  return {
    field: test.field,
    samplePercent: test.samplePercent,
    winnerBy: test.winnerBy,
    decideAfterMinutes: test.decideAfterMinutes,
    variants: test.variants.map((v) => (test.field === "subject" ? { subject: v.subject!.trim() } : { emailTemplateId: v.emailTemplateId! })),
  };
};

/**
 * How many of `total` recipients are in the test: the share, rounded, but at least one per variant
 * (and never more than everyone). Integer arithmetic, the same as the SQL that assigns them.
 */
export const sampleSize = (total: number, samplePercent: number, variants: number) =>
  Math.min(total, Math.max(variants, Math.floor((total * samplePercent + 50) / 100)));
