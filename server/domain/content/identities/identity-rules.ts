import { z } from "zod";
import { AppError } from "@/server/errors";
import { uniqueViolation } from "@/server/domain/contacts/unique-violation";

export const ZIdentityId = z.string().uuid({ message: "Sender id must be a UUID" });
export const ZFromName = z.string().trim().min(1, "Give the sender a name people recognise, such as Acme News").max(100, "Keep the name under 100 characters")
  .refine((s) => !/[\r\n<>]/.test(s), "The name cannot contain line breaks or angle brackets");
export const ZFromEmail = z.string().trim().toLowerCase().email("Enter the address mail comes from, like news@example.com");
export const ZReplyTo = z.string().trim().toLowerCase().email("Enter a valid reply-to address").nullable().optional();

export const withIdentityConflict = async <T>(email: string, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (uniqueViolation(error) === "sending_identities_workspace_email_key") {
      const message = `${email} is already a sender in this workspace`;
      throw new AppError("CONFLICT", message, { fromEmail: [message] });
    }
    throw error;
  }
};
