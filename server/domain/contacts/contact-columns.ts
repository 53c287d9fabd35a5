import { contacts } from "@/drizzle/schema";

/** What callers see of a contact (everything but the workspace it belongs to). */
export const contactColumns = {
  id: contacts.id,
  email: contacts.email,
  phone: contacts.phone,
  phoneCountry: contacts.phoneCountry,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  attributes: contacts.attributes,
  timezone: contacts.timezone,
  locale: contacts.locale,
  emailStatus: contacts.emailStatus,
  emailStatusAt: contacts.emailStatusAt,
  smsStatus: contacts.smsStatus,
  smsStatusAt: contacts.smsStatusAt,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
};
