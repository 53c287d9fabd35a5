import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { contacts } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { attributeChanges, checkContactAttributes } from "./contact-attributes";
import { contactColumns } from "./contact-columns";
import { withContactConflicts } from "./contact-conflicts";
import { normalizeContactFields, ZContactFields } from "./contact-fields";
import { invalidFields, parseInput } from "./field-errors";

export const ZUpdateContact = ZContactFields.extend({
  contactId: z.uuid({ message: "contactId must be a contact id" }),
  /** Merged into the stored attributes; a null value removes that attribute. */
  attributes: z.record(z.string(), z.unknown()).optional(),
});

export type UpdateContactOptions = z.input<typeof ZUpdateContact> & { workspaceId: string };

/** A partial update: fields left out stay as they are; null or "" clears one. Consent has its own path (changeConsent). */
export const updateContact = async ({ workspaceId, ...input }: UpdateContactOptions) => {
  const { contactId, attributes: rawAttributes, ...fields } = parseInput(ZUpdateContact, input);
  const { values, problems } = normalizeContactFields(fields);
  const attributes = await checkContactAttributes(db, workspaceId, rawAttributes, problems);
  if (Object.keys(problems).length) throw invalidFields(problems);

  return withContactConflicts(() =>
    db.transaction(async (tx) => {
      const [current] = await tx
        .select({ email: contacts.email, phone: contacts.phone })
        .from(contacts)
        .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)))
        .for("update");
      if (!current) throw new AppError("NOT_FOUND", "Contact not found");
      const email = values.email === undefined ? current.email : values.email;
      const phone = values.phone === undefined ? current.phone : values.phone;
      if (!email && !phone) {
        throw invalidFields({ [values.email === null ? "email" : "phone"]: "A contact needs an email address or a phone number" });
      }

      const { set, remove } = attributeChanges(attributes);
      const mergedAttributes = remove.reduce(
        (expression, key) => sql`${expression} - ${key}::text`,
        sql`(${contacts.attributes} || ${JSON.stringify(set)}::jsonb)`,
      );
      const [contact] = await tx
        .update(contacts)
        .set({
          ...values,
          ...(Object.keys(attributes).length ? { attributes: mergedAttributes } : {}),
          updatedAt: new Date(),
        })
        .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)))
        .returning(contactColumns);
      return contact!;
    }),
  );
};
