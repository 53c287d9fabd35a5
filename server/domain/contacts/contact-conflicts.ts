import { AppError } from "@/server/errors";
import { uniqueViolation } from "./unique-violation";

const FIELDS: Record<string, { field: string; message: string }> = {
  contacts_workspace_email_key: { field: "email", message: "A contact with this email already exists" },
  contacts_workspace_phone_key: { field: "phone", message: "A contact with this phone number already exists" },
};

/** Runs a write, turning a duplicate email or phone into a CONFLICT naming the field (never a 500). */
export const withContactConflicts = async <T>(write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    const conflict = FIELDS[uniqueViolation(error) ?? ""];
    if (conflict) throw new AppError("CONFLICT", conflict.message, { [conflict.field]: [conflict.message] });
    throw error;
  }
};
