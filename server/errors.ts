/**
 * The domain's one error type. Front doors translate the code: tRPC maps it to an HTTP status,
 * the relay to an SMTP reply, a worker task lets it throw so graphile-worker retries.
 */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS"
  | "INTERNAL";

/** Problems with particular input fields, keyed by field path ("email", "members.0.role"). */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;

  constructor(code: AppErrorCode, message: string, fieldErrors?: FieldErrors) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** A field-level validation failure, the shape forms render beside each input. */
export const invalidField = (field: string, message: string): AppError =>
  new AppError("BAD_REQUEST", message, { [field]: [message] });
