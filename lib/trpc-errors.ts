import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@/server/trpc/root";

export type FieldErrorMap = Record<string, string | undefined>;

const asTrpcError = (error: unknown) =>
  error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>) : null;

/** The server's own message (already written for people), or a generic one for network failures. */
export const errorMessage = (error: unknown): string => {
  const trpcError = asTrpcError(error);
  if (trpcError?.data?.code === "TOO_MANY_REQUESTS") return "Too many attempts, try again in a minute";
  if (trpcError?.message) return trpcError.message;
  if (error instanceof Error && /fetch|network/i.test(error.message)) {
    return "Herald could not be reached. Check your connection and try again.";
  }
  return "Something went wrong. Try again.";
};

/** The first message per field from `data.fieldErrors`, ready to show beside each input. */
export const fieldErrors = (error: unknown): FieldErrorMap => {
  const fields = asTrpcError(error)?.data?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fields).map(([field, messages]) => [field, messages[0]]));
};

/**
 * Splits an error into what belongs beside the form's own fields and what belongs above the form,
 * so a message is shown exactly once.
 */
export const formErrors = (error: unknown, knownFields: readonly string[]) => {
  const fields = fieldErrors(error);
  const shownInline = knownFields.some((field) => fields[field]);
  return { fields, form: shownInline ? null : errorMessage(error) };
};

export const errorCode = (error: unknown) => asTrpcError(error)?.data?.code ?? null;
