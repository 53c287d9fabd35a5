type Named = { firstName: string | null; lastName: string | null; email: string | null; phone: string | null };

/** "Ana Li", or the address or number when there is no name. */
export const contactName = (contact: Named) =>
  [contact.firstName, contact.lastName].filter(Boolean).join(" ") || contact.email || contact.phone || "Unnamed contact";

export const hasName = (contact: Named) => Boolean(contact.firstName || contact.lastName);
