import { contacts } from "@/drizzle/schema";
import { db } from "@/server/db/client";

export type TestContact = {
  email?: string | null;
  phone?: string | null;
  phoneCountry?: string | null;
  emailStatus?: "subscribed" | "unsubscribed" | "pending" | "bounced" | "complained" | null;
  smsStatus?: "subscribed" | "unsubscribed" | "pending" | "bounced" | "complained" | null;
};

/**
 * Contacts written straight to the table (already normalised), for tests of code that reads them;
 * tests of contact creation itself go through the contacts domain instead.
 */
export const insertTestContacts = async (workspaceId: string, rows: TestContact[]) => {
  if (!rows.length) return [];
  const inserted = await db
    .insert(contacts)
    .values(rows.map((row) => ({ workspaceId, ...row })))
    .returning({ id: contacts.id, email: contacts.email, phone: contacts.phone });
  return inserted;
};
