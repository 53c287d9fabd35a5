import { z } from "zod";
import { ATTRIBUTE_TYPES, ZAttributeKey, type AttributeType } from "@/server/domain/attributes/attribute-rules";

/**
 * What each CSV column becomes. Stored in contact_imports.mapping (a string → string JSON object) as
 *   "<column index>": "field:email" | "attribute:<key>" | "new-attribute:<type>:<key>"
 *   "defaultCountry": "HK"          (how to read phone numbers written without +country code)
 * Columns are keyed by position, not name, because headers may repeat or be blank; columns left
 * out are ignored. "new-attribute" entries become attribute definitions when the import starts, and
 * are rewritten to "attribute:<key>" then, so a running import only ever sees existing definitions.
 */

export const CONTACT_FIELDS = ["email", "phone", "first_name", "last_name", "timezone", "locale", "email_status", "sms_status"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const CONTACT_FIELD_LABELS: Record<ContactField, string> = {
  email: "Email",
  phone: "Phone",
  first_name: "First name",
  last_name: "Last name",
  timezone: "Time zone",
  locale: "Locale",
  email_status: "Email consent",
  sms_status: "SMS consent",
};

export const ZColumnTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ignore") }),
  z.object({ kind: z.literal("field"), field: z.enum(CONTACT_FIELDS, { message: `Field must be one of ${CONTACT_FIELDS.join(", ")}` }) }),
  z.object({ kind: z.literal("attribute"), key: z.string().min(1).max(63) }),
  z.object({ kind: z.literal("new_attribute"), key: ZAttributeKey, type: z.enum(ATTRIBUTE_TYPES) }),
]);
export type ColumnTarget = z.infer<typeof ZColumnTarget>;

export const ZCountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Choose a country, such as HK");

export type ImportMapping = { columns: Map<number, ColumnTarget>; defaultCountry: string | null };

export const encodeMapping = ({ columns, defaultCountry }: ImportMapping): Record<string, string> => {
  const stored: Record<string, string> = {};
  for (const [index, target] of [...columns].sort(([a], [b]) => a - b)) {
    if (target.kind === "field") stored[index] = `field:${target.field}`;
    else if (target.kind === "attribute") stored[index] = `attribute:${target.key}`;
    else if (target.kind === "new_attribute") stored[index] = `new-attribute:${target.type}:${target.key}`;
  }
  if (defaultCountry) stored.defaultCountry = defaultCountry;
  return stored;
};

export const decodeMapping = (stored: Record<string, string> | null | undefined): ImportMapping => {
  const columns = new Map<number, ColumnTarget>();
  for (const [key, value] of Object.entries(stored ?? {})) {
    if (!/^\d+$/.test(key)) continue;
    const index = Number(key);
    if (value.startsWith("field:")) columns.set(index, { kind: "field", field: value.slice(6) as ContactField });
    else if (value.startsWith("attribute:")) columns.set(index, { kind: "attribute", key: value.slice(10) });
    else if (value.startsWith("new-attribute:")) {
      const [, type, key] = value.split(":");
      columns.set(index, { kind: "new_attribute", type: type as AttributeType, key: key! });
    }
  }
  return { columns, defaultCountry: stored?.defaultCountry ?? null };
};

const simplify = (header: string) =>
  header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

// Header spellings seen in exports from spreadsheets, ESPs and CRMs (compared after simplify()).
const FIELD_SYNONYMS: Record<ContactField, string[]> = {
  email: ["email", "e mail", "email address", "e mail address", "mail", "emailaddress", "email addr", "correo", "courriel"],
  phone: ["phone", "phone number", "mobile", "mobile number", "mobile phone", "cell", "cell phone", "cellphone", "tel", "telephone", "msisdn", "sms", "whatsapp", "contact number"],
  first_name: ["first name", "firstname", "first", "given name", "forename", "fname", "prenom"],
  last_name: ["last name", "lastname", "last", "surname", "family name", "lname", "nom"],
  timezone: ["timezone", "time zone", "tz"],
  locale: ["locale", "language", "lang", "language code"],
  email_status: ["email status", "email consent", "email subscription", "email opt in", "email subscribed", "subscribed"],
  sms_status: ["sms status", "sms consent", "sms subscription", "sms opt in", "sms subscribed"],
};

/**
 * A first guess at each column from its header: built-in fields by common spellings ("E-mail",
 * "email address", "mobile", "first name"...), then existing attributes by key or label; everything
 * else is ignored. Each field and attribute is suggested for one column at most (the first).
 */
export const guessMapping = (headers: string[], attributes: Array<{ key: string; label: string }>): ColumnTarget[] => {
  const taken = new Set<string>();
  return headers.map((header) => {
    const simple = simplify(header);
    for (const field of CONTACT_FIELDS) {
      if (!taken.has(`field:${field}`) && FIELD_SYNONYMS[field].includes(simple)) {
        taken.add(`field:${field}`);
        return { kind: "field", field };
      }
    }
    const attribute = attributes.find((a) => simplify(a.key) === simple || simplify(a.label) === simple);
    if (attribute && !taken.has(`attribute:${attribute.key}`)) {
      taken.add(`attribute:${attribute.key}`);
      return { kind: "attribute", key: attribute.key };
    }
    return { kind: "ignore" };
  });
};

/** A key for a new attribute made from a header ("Signup date" → signup_date). */
export const attributeKeyFromHeader = (header: string) => {
  const key = simplify(header).replace(/ /g, "_").replace(/^[^a-z]+/, "").slice(0, 63);
  return key || "attribute";
};
