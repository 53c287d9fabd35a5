import { z } from "zod";
import { suppressions } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError, invalidField } from "@/server/errors";
import { parseSuppressionEntry, SUPPRESSION_REASONS } from "./suppression-entry";

export const ZSuppressionReason = z.enum(SUPPRESSION_REASONS, { message: `reason must be one of ${SUPPRESSION_REASONS.join(", ")}` });
export const ZCountryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "country must be a two-letter ISO code such as HK")
  .transform((code) => code.toUpperCase());

export const ZCreateSuppression = z.object({
  /** An email address, a domain (@example.com or example.com) or a phone number. */
  value: z.string().max(320),
  reason: ZSuppressionReason.default("manual"),
  note: z.string().trim().max(500).nullish(),
  /** Reads national phone numbers (without +) in this country. */
  defaultCountry: ZCountryCode.nullish(),
});

export type CreateSuppressionOptions = z.input<typeof ZCreateSuppression> & { workspaceId: string; createdBy?: string | null };

export const createSuppression = async ({ workspaceId, createdBy = null, ...input }: CreateSuppressionOptions) => {
  const parsedInput = ZCreateSuppression.safeParse(input);
  if (!parsedInput.success) throw invalidField(String(parsedInput.error.issues[0]?.path[0] ?? "value"), parsedInput.error.issues[0]!.message);
  const { value, reason, note, defaultCountry } = parsedInput.data;
  const entry = parseSuppressionEntry(value, defaultCountry);
  if (!entry.ok) throw invalidField("value", entry.reason);
  const [row] = await db
    .insert(suppressions)
    .values({ workspaceId, kind: entry.kind, value: entry.value, reason, note: note || null, createdBy })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const message = `${entry.value} is already suppressed`;
    throw new AppError("CONFLICT", message, { value: [message] });
  }
  return row;
};
