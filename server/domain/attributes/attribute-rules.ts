import { z } from "zod";

export const ATTRIBUTE_TYPES = ["text", "number", "boolean", "date", "list"] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export const ATTRIBUTE_TYPE_LABELS: Record<AttributeType, string> = {
  text: "Text",
  number: "Number",
  boolean: "Yes / no",
  date: "Date",
  list: "List of values",
};

/**
 * Names that already mean something on a contact (its columns, and what merge tags, imports and
 * segments call them), so a custom attribute can never shadow one.
 */
export const BUILT_IN_FIELDS = [
  "id",
  "workspace_id",
  "email",
  "phone",
  "phone_country",
  "first_name",
  "last_name",
  "name",
  "full_name",
  "timezone",
  "locale",
  "email_status",
  "email_status_at",
  "sms_status",
  "sms_status_at",
  "attributes",
  "lists",
  "segments",
  "events",
  "consent",
  "created_at",
  "updated_at",
] as const;

const BUILT_IN = new Set<string>(BUILT_IN_FIELDS);

export const ZAttributeKey = z
  .string({ message: "Enter a key" })
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, "Use lower-case letters, digits and underscores, starting with a letter (such as lifetime_value), at most 63 characters")
  .refine((key) => !BUILT_IN.has(key), { message: "This is a built-in contact field; choose another key" });

export const ZAttributeLabel = z
  .string({ message: "Enter a label" })
  .trim()
  .min(1, "Enter a label, such as Lifetime value")
  .max(80, "Label must be at most 80 characters");

export const ZAttributeType = z.enum(ATTRIBUTE_TYPES, { message: `Type must be one of ${ATTRIBUTE_TYPES.join(", ")}` });
