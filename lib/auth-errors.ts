/** What better-auth's client returns in `error`. */
export type AuthClientError = { message?: string; status: number; statusText?: string; code?: string };

export type AuthFormError = { form?: string; fields: Partial<Record<"name" | "email" | "password", string>> };

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * better-auth's messages are terse and written for developers ("User already exists. Use another
 * email."); this turns its codes into what a person should read, beside the field it concerns.
 */
export const describeAuthError = (error: AuthClientError): AuthFormError => {
  if (error.status === 429) return { form: "Too many attempts, try again in a minute", fields: {} };
  switch (error.code) {
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return { fields: { email: "An account with this email already exists" } };
    case "INVALID_EMAIL":
      return { fields: { email: "Enter a valid email address, such as ana@example.com" } };
    case "PASSWORD_TOO_SHORT":
      return { fields: { password: `Password must be at least ${PASSWORD_MIN_LENGTH} characters` } };
    case "PASSWORD_TOO_LONG":
      return { fields: { password: `Password must be at most ${PASSWORD_MAX_LENGTH} characters` } };
    case "INVALID_EMAIL_OR_PASSWORD":
      return { form: "Wrong email or password", fields: {} };
    case "INVALID_TOKEN":
      return { form: "This reset link is invalid or has expired. Request a new one.", fields: {} };
    case "VALIDATION_ERROR":
      return { form: error.message ?? "Check the form and try again", fields: {} };
    default:
      return { form: error.message || error.statusText || "Something went wrong. Try again.", fields: {} };
  }
};

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks in the browser first, with the same wording the server would use. */
export const checkEmail = (email: string) =>
  !email.trim()
    ? "Enter your email address"
    : EMAIL_PATTERN.test(email.trim())
      ? undefined
      : "Enter a valid email address, such as ana@example.com";

export const checkNewPassword = (password: string) =>
  password.length < PASSWORD_MIN_LENGTH
    ? `Password must be at least ${PASSWORD_MIN_LENGTH} characters`
    : password.length > PASSWORD_MAX_LENGTH
      ? `Password must be at most ${PASSWORD_MAX_LENGTH} characters`
      : undefined;

export const NETWORK_ERROR: AuthFormError = {
  form: "Herald could not be reached. Check your connection and try again.",
  fields: {},
};
