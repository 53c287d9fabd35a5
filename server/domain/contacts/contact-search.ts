import { sql, type SQL } from "drizzle-orm";
import { contacts } from "@/drizzle/schema";
import { invalidFields } from "./field-errors";

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * The contacts a search box means, written as prefix matches so they stay fast on a million
 * contacts: email and phone prefixes use the (workspace_id, email|phone) unique indexes (the
 * embedded cluster runs the C locale, where btree indexes serve LIKE 'prefix%'), names the
 * (workspace_id, lower(first_name|last_name) text_pattern_ops) indexes of migration 0002; the
 * planner ORs them in a bitmap, so a rare or absent prefix costs a millisecond, not a scan.
 * Emails are stored lower-cased, so lower(email) = email.
 * - "ana@ex" or "ana.li": email prefix
 * - "+852 9123", "852 9123": phone prefix (with its country code); without the +, email prefix too
 * - "ana", "ana li": email, first or last name prefix, or "first last" prefix
 */
export const contactSearchCondition = (search: string | undefined): SQL | undefined => {
  const text = search?.trim().toLowerCase().replace(/\s+/g, " ") ?? "";
  if (!text) return undefined;
  const prefix = `${escapeLike(text)}%`;
  const digits = text.replace(/[\s().-]/g, "");
  if (/^\+?\d{2,}$/.test(digits)) {
    const phone = sql`${contacts.phone} like ${`+${digits.replace(/^\+/, "")}%`}`;
    // "2024" may also start an address (2024promo@...); "+852" cannot.
    return text.startsWith("+") ? phone : sql`(${phone} or ${contacts.email} like ${prefix})`;
  }
  if (text.includes("@")) return sql`${contacts.email} like ${prefix}`;
  const conditions = [
    sql`${contacts.email} like ${prefix}`,
    sql`lower(${contacts.firstName}) like ${prefix}`,
    sql`lower(${contacts.lastName}) like ${prefix}`,
  ];
  const space = text.indexOf(" ");
  if (space > 0) {
    // "ana li": the first name is exactly "ana" and the last name starts with "li".
    conditions.push(
      sql`(lower(${contacts.firstName}) = ${text.slice(0, space)} and lower(${contacts.lastName}) like ${`${escapeLike(text.slice(space + 1))}%`})`,
    );
  }
  return sql`(${sql.join(conditions, sql` or `)})`;
};

/**
 * Keyset position (contacts by created_at, list members by subscribed_at): the exact timestamp as
 * Postgres prints it (microseconds, which a JS Date would lose) and the row's uuid, opaque to callers.
 */
export type KeysetCursor = { at: string; id: string };

export const encodeCursor = (cursor: KeysetCursor) => Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString("base64url");

export const decodeCursor = (raw: string): KeysetCursor => {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (
      typeof at === "string" &&
      typeof id === "string" &&
      /^\d{4}-\d{2}-\d{2} [\d:.]+[+-]\d{2}(:\d{2})?$/.test(at) &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ) {
      return { at, id };
    }
  } catch {
    // fall through
  }
  throw invalidFields({ cursor: "This page link is no longer valid; start from the first page" });
};
