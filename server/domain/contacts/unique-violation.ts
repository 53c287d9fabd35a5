/**
 * The constraint a unique violation (SQLSTATE 23505) broke, or null for any other error. Drizzle
 * wraps driver errors, so the postgres.js error may sit a few `cause`s down.
 */
export const uniqueViolation = (error: unknown): string | null => {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; constraint_name?: unknown; cause?: unknown };
    if (candidate.code === "23505") return typeof candidate.constraint_name === "string" ? candidate.constraint_name : "";
    current = candidate.cause;
  }
  return null;
};
