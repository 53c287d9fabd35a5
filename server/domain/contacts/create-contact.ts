import { z } from "zod";
import { consentEvents, contacts } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { attributeChanges, checkContactAttributes } from "./contact-attributes";
import { contactColumns } from "./contact-columns";
import { withContactConflicts } from "./contact-conflicts";
import { normalizeContactFields, ZConsentStatus, ZContactFields, type Channel, type ConsentStatus } from "./contact-fields";
import { ZConsentSource } from "./consent-source";
import { invalidFields, parseInput } from "./field-errors";

export const ZCreateContact = ZContactFields.extend({
  attributes: z.record(z.string(), z.unknown()).optional(),
  /** Consent to record at creation, with `source` in its history. */
  emailStatus: ZConsentStatus.nullish(),
  smsStatus: ZConsentStatus.nullish(),
});

export type CreateContactOptions = z.input<typeof ZCreateContact> & {
  workspaceId: string;
  /** Where the contact (and its initial consent) came from: "manual", "api", "import"... */
  source: string;
};

export const createContact = async ({ workspaceId, source, ...input }: CreateContactOptions) => {
  const parsed = parseInput(ZCreateContact, input);
  const consentSource = parseInput(ZConsentSource, source);
  const { values, problems } = normalizeContactFields(parsed);
  const attributes = await checkContactAttributes(db, workspaceId, parsed.attributes, problems);

  if (!values.email && !values.phone && !problems.email && !problems.phone) {
    problems.email = "Give the contact an email address or a phone number";
  }
  if (parsed.emailStatus && !values.email && !problems.email) problems.emailStatus = "Add an email address to record email consent";
  if (parsed.smsStatus && !values.phone && !problems.phone) problems.smsStatus = "Add a phone number to record SMS consent";
  if (Object.keys(problems).length) throw invalidFields(problems);

  const initialConsent: Array<[Channel, ConsentStatus]> = [];
  if (parsed.emailStatus) initialConsent.push(["email", parsed.emailStatus]);
  if (parsed.smsStatus) initialConsent.push(["sms", parsed.smsStatus]);

  return withContactConflicts(() =>
    db.transaction(async (tx) => {
      const now = new Date();
      const [contact] = await tx
        .insert(contacts)
        .values({
          workspaceId,
          ...values,
          attributes: attributeChanges(attributes).set,
          emailStatus: parsed.emailStatus ?? null,
          emailStatusAt: parsed.emailStatus ? now : null,
          smsStatus: parsed.smsStatus ?? null,
          smsStatusAt: parsed.smsStatus ? now : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning(contactColumns);
      if (initialConsent.length) {
        await tx.insert(consentEvents).values(
          initialConsent.map(([channel, status]) => ({
            workspaceId,
            contactId: contact!.id,
            channel,
            status,
            source: consentSource,
            note: "Initial status when the contact was created",
            createdAt: now,
          })),
        );
      }
      return contact!;
    }),
  );
};
