import { z } from "zod";

/** How a consent change came about: manual, api, import, form, unsubscribe_link, bounce... */
export const ZConsentSource = z
  .string()
  .trim()
  .min(1, "Say where the consent came from, such as manual or api")
  .max(40, "Source must be at most 40 characters");

export const ZConsentNote = z.string().trim().max(500, "Note must be at most 500 characters").nullish();
