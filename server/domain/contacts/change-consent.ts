import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { consentEvents, contacts } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { ZChannel, ZConsentStatus } from "./contact-fields";
import { ZConsentNote, ZConsentSource } from "./consent-source";
import { invalidFields, parseInput } from "./field-errors";

export const ZChangeConsent = z.object({
  contactId: z.uuid({ message: "contactId must be a contact id" }),
  channel: ZChannel,
  status: ZConsentStatus,
  source: ZConsentSource,
  note: ZConsentNote,
});

export type ChangeConsentOptions = z.input<typeof ZChangeConsent> & { workspaceId: string };

/**
 * Sets a channel's consent and appends the change to its history in one transaction, so the
 * status and its record never disagree. Setting the status it already has records nothing.
 */
export const changeConsent = async ({ workspaceId, ...input }: ChangeConsentOptions) => {
  const { contactId, channel, status, source, note } = parseInput(ZChangeConsent, input);
  return db.transaction(async (tx) => {
    const [contact] = await tx
      .select({ email: contacts.email, phone: contacts.phone, emailStatus: contacts.emailStatus, smsStatus: contacts.smsStatus })
      .from(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)))
      .for("update");
    if (!contact) throw new AppError("NOT_FOUND", "Contact not found");
    if (channel === "email" && !contact.email) throw invalidFields({ channel: "This contact has no email address" });
    if (channel === "sms" && !contact.phone) throw invalidFields({ channel: "This contact has no phone number" });

    const previous = channel === "email" ? contact.emailStatus : contact.smsStatus;
    if (previous === status) return { channel, status, previous, changed: false };

    const now = new Date();
    await tx
      .update(contacts)
      .set(channel === "email" ? { emailStatus: status, emailStatusAt: now, updatedAt: now } : { smsStatus: status, smsStatusAt: now, updatedAt: now })
      .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)));
    await tx.insert(consentEvents).values({ workspaceId, contactId, channel, status, source, note: note || null, createdAt: now });
    return { channel, status, previous, changed: true };
  });
};
