import { AppError } from "@/server/errors";
import { uniqueViolation } from "@/server/domain/contacts/unique-violation";

/** Runs a write, turning a duplicate route name into a CONFLICT on the name field. */
export const withRouteNameConflict = async <T>(name: string, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (uniqueViolation(error) === "sms_routes_workspace_name_key") {
      const message = `A route named “${name}” already exists`;
      throw new AppError("CONFLICT", message, { name: [message] });
    }
    throw error;
  }
};
