const PROBE_ORIGIN = "http://herald.invalid";

/**
 * The `?next=` target after signing in or up: only a path on this site, never another origin
 * ("//evil.example", "/\\evil.example" and "https://..." all fall back), so the link cannot be
 * used to send someone elsewhere after they enter their password.
 */
export const safeNextPath = (value: unknown, fallback = "/"): string => {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  try {
    const url = new URL(value, PROBE_ORIGIN);
    if (url.origin !== PROBE_ORIGIN) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
};

/** `/sign-in?next=...` and friends, keeping the target only when it is safe. */
export const withNext = (path: string, next: string | null | undefined) => {
  const target = next ? safeNextPath(next, "") : "";
  return target && target !== "/" ? `${path}?next=${encodeURIComponent(target)}` : path;
};
