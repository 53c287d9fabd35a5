import type { AttributeType } from "@/server/domain/attributes/attribute-rules";
import { validateAttributes, type AttributeDefinitionShape } from "@/server/domain/attributes/validate-attributes";
import { canonicalLocale, canonicalTimeZone, type ConsentStatus } from "@/server/domain/contacts/contact-fields";
import { normalizeEmail } from "@/server/domain/contacts/normalize";
import { normalizePhoneFast } from "./fast-normalize-phone";
import type { ContactField, ImportMapping } from "./import-mapping";

/** One good row, normalised, as it goes into the staging table. Empty cells are null. */
export type StagedRow = {
  email: string | null;
  phone: string | null;
  phoneCountry: string | null;
  firstName: string | null;
  lastName: string | null;
  timezone: string | null;
  locale: string | null;
  emailStatus: ConsentStatus | null;
  smsStatus: ConsentStatus | null;
  /** JSON text of the non-empty attribute cells, or null when there are none. */
  attributes: string | null;
};

/**
 * Checks one row: null when it is good (its normalised values are then in `row`, one object reused
 * for every row so a million rows allocate nothing but their strings), else the reason to reject it.
 */
export type RowValidator = { check: (fields: string[]) => string | null; row: StagedRow };

const NAME_MAX = 100;

// What people write in consent columns, beyond the statuses themselves.
const CONSENT_WORDS: Record<string, ConsentStatus> = {
  subscribed: "subscribed",
  unsubscribed: "unsubscribed",
  pending: "pending",
  bounced: "bounced",
  complained: "complained",
  yes: "subscribed",
  y: "subscribed",
  true: "subscribed",
  "1": "subscribed",
  "opt-in": "subscribed",
  "opted in": "subscribed",
  optin: "subscribed",
  subscribe: "subscribed",
  no: "unsubscribed",
  n: "unsubscribed",
  false: "unsubscribed",
  "0": "unsubscribed",
  "opt-out": "unsubscribed",
  "opted out": "unsubscribed",
  optout: "unsubscribed",
  unsubscribe: "unsubscribed",
  // The same in the languages Herald's customers export in.
  oui: "subscribed",
  non: "unsubscribed",
  ja: "subscribed",
  nein: "unsubscribed",
  sí: "subscribed",
  si: "subscribed",
  是: "subscribed",
  否: "unsubscribed",
  有: "subscribed",
  無: "unsubscribed",
};

const CONSENT_HINT = "use subscribed, unsubscribed, pending, bounced, complained, or yes/no";

/**
 * One attribute cell → its `"key":value` JSON member ("" when the cell holds nothing), through the
 * same coercion as the contact form and API (validateAttributes). Memoised per column by the caller:
 * cities, plans, ages and dates repeat, so a million rows cost a few thousand coercions.
 */
const attributeCoercer = (definition: AttributeDefinitionShape) => {
  const key = JSON.stringify(definition.key);
  return (raw: string): string | { error: string } => {
    if (!raw.trim()) return "";
    const result = validateAttributes([definition], { [definition.key]: raw });
    if (!result.ok) return { error: result.errors[definition.key] ?? `"${definition.key}" is not valid` };
    const value = result.values[definition.key];
    return value === null || value === undefined ? "" : `${key}:${JSON.stringify(value)}`;
  };
};

const shown = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);

/** Memoises a normaliser over the few distinct values a column such as timezone or locale holds. */
const memo = <T>(fn: (raw: string) => T, limit = 10_000) => {
  const cache = new Map<string, T>();
  return (raw: string) => {
    let value = cache.get(raw);
    if (value === undefined && !cache.has(raw)) {
      value = fn(raw);
      // A copy as the key: `raw` is a slice of a whole decoded chunk, which would otherwise stay alive.
      if (cache.size < limit) cache.set(Buffer.from(raw, "utf8").toString("utf8"), value);
    }
    return value as T;
  };
};

/**
 * A validator for one import: the column positions are resolved once, so checking a row is a few
 * array reads, the two normalisers and the attribute coercion shared with the contact form and API.
 * Reasons start with the rule that failed (what the rejection report groups by).
 */
export const createRowValidator = ({
  columnCount,
  mapping,
  attributes,
}: {
  columnCount: number;
  mapping: ImportMapping;
  attributes: ReadonlyArray<AttributeDefinitionShape & { type: AttributeType }>;
}) => {
  const fieldColumn = (field: ContactField) => {
    for (const [index, target] of mapping.columns) if (target.kind === "field" && target.field === field) return index;
    return -1;
  };
  const columns = {
    email: fieldColumn("email"),
    phone: fieldColumn("phone"),
    firstName: fieldColumn("first_name"),
    lastName: fieldColumn("last_name"),
    timezone: fieldColumn("timezone"),
    locale: fieldColumn("locale"),
    emailStatus: fieldColumn("email_status"),
    smsStatus: fieldColumn("sms_status"),
  };
  const byKey = new Map(attributes.map((definition) => [definition.key, definition]));
  const attributeColumns: Array<{ index: number; coerce: (raw: string) => string | { error: string } }> = [];
  for (const [index, target] of mapping.columns) {
    if (target.kind !== "attribute") continue;
    const definition = byKey.get(target.key);
    if (!definition) throw new Error(`attribute "${target.key}" has no definition`);
    attributeColumns.push({ index, coerce: memo(attributeCoercer(definition)) });
  }
  const defaultCountry = mapping.defaultCountry ?? undefined;
  const timezone = memo(canonicalTimeZone);
  const locale = memo(canonicalLocale);
  const consent = memo((raw: string) => CONSENT_WORDS[raw.toLowerCase()] ?? null);

  const cell = (fields: string[], index: number) => (index < 0 ? "" : fields[index]!.trim());

  const row: StagedRow = {
    email: null,
    phone: null,
    phoneCountry: null,
    firstName: null,
    lastName: null,
    timezone: null,
    locale: null,
    emailStatus: null,
    smsStatus: null,
    attributes: null,
  };
  const check = (fields: string[]): string | null => {
    if (fields.length !== columnCount) {
      return `wrong number of columns: expected ${columnCount}, found ${fields.length}`;
    }
    const rawEmail = cell(fields, columns.email);
    const rawPhone = cell(fields, columns.phone);
    if (!rawEmail && !rawPhone) return "missing required column: a row needs an email or a phone number";

    let email: string | null = null;
    if (rawEmail) {
      email = normalizeEmail(rawEmail);
      if (!email) return `invalid email: ${shown(rawEmail)}`;
    }
    let phone: string | null = null;
    let phoneCountry: string | null = null;
    if (rawPhone) {
      const normalized = normalizePhoneFast(rawPhone, defaultCountry);
      if (!normalized) return `invalid phone: ${shown(rawPhone)}`;
      phone = normalized.e164;
      phoneCountry = normalized.country;
    }

    const firstName = cell(fields, columns.firstName) || null;
    const lastName = cell(fields, columns.lastName) || null;
    if (firstName && firstName.length > NAME_MAX) return `invalid first_name: longer than ${NAME_MAX} characters`;
    if (lastName && lastName.length > NAME_MAX) return `invalid last_name: longer than ${NAME_MAX} characters`;

    const rawZone = cell(fields, columns.timezone);
    const zone = rawZone ? timezone(rawZone) : null;
    if (rawZone && !zone) return `invalid timezone: ${shown(rawZone)} is not an IANA time zone such as Asia/Hong_Kong`;
    const rawLocale = cell(fields, columns.locale);
    const tag = rawLocale ? locale(rawLocale) : null;
    if (rawLocale && !tag) return `invalid locale: ${shown(rawLocale)} is not a language tag such as zh-HK`;

    const rawEmailStatus = cell(fields, columns.emailStatus);
    const emailStatus = rawEmailStatus ? consent(rawEmailStatus) : null;
    if (rawEmailStatus && !emailStatus) return `invalid email_status: ${shown(rawEmailStatus)} (${CONSENT_HINT})`;
    const rawSmsStatus = cell(fields, columns.smsStatus);
    const smsStatus = rawSmsStatus ? consent(rawSmsStatus) : null;
    if (rawSmsStatus && !smsStatus) return `invalid sms_status: ${shown(rawSmsStatus)} (${CONSENT_HINT})`;

    let attributeJson: string | null = null;
    if (attributeColumns.length) {
      let json = "";
      for (const column of attributeColumns) {
        const raw = fields[column.index]!;
        if (!raw) continue;
        const coerced = column.coerce(raw);
        if (typeof coerced !== "string") return `invalid attribute: ${coerced.error}`;
        if (coerced) json = json ? `${json},${coerced}` : coerced;
      }
      if (json) attributeJson = `{${json}}`;
    }

    row.email = email;
    row.phone = phone;
    row.phoneCountry = phoneCountry;
    row.firstName = firstName;
    row.lastName = lastName;
    row.timezone = zone;
    row.locale = tag;
    row.emailStatus = emailStatus;
    row.smsStatus = smsStatus;
    row.attributes = attributeJson;
    return null;
  };
  return { check, row } satisfies RowValidator;
};
