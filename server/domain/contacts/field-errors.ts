import type { z, ZodError } from "zod";
import { AppError, type FieldErrors } from "@/server/errors";

/** One reason per field, in the order they were found. */
export type FieldProblems = Record<string, string>;

/**
 * A BAD_REQUEST naming every field that is wrong: the message reads "email: Enter a valid email
 * address; phone: ..." (what an API caller sees), fieldErrors carry the same per field for forms.
 */
export const invalidFields = (problems: FieldProblems): AppError => {
  const fieldErrors: FieldErrors = {};
  for (const [field, message] of Object.entries(problems)) fieldErrors[field] = [message];
  const message = Object.entries(problems)
    .map(([field, reason]) => `${field}: ${reason}`)
    .join("; ");
  return new AppError("BAD_REQUEST", message, fieldErrors);
};

export const zodProblems = (error: ZodError): FieldProblems => {
  const problems: FieldProblems = {};
  for (const issue of error.issues) problems[issue.path.join(".") || "input"] ??= issue.message;
  return problems;
};

/** Parses domain input with its zod schema, throwing the same field errors the tRPC layer would. */
export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidFields(zodProblems(parsed.error));
  return parsed.data;
};
