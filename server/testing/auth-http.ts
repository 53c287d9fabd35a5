import { getAuth } from "@/server/auth/auth";

export const APP_ORIGIN = "http://localhost:3999";

export type AuthRequestOptions = { cookie?: string; ip?: string; method?: "GET" | "POST" };

/**
 * One request through better-auth's real HTTP handler (the one /api/auth/[...all] serves), exactly as
 * a browser would send it: JSON body, same-origin Origin header, optional session cookie and client IP.
 */
export const authRequest = async (path: string, body?: unknown, options: AuthRequestOptions = {}) => {
  const headers = new Headers({ origin: APP_ORIGIN });
  if (body !== undefined) headers.set("content-type", "application/json");
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.ip) headers.set("x-forwarded-for", options.ip);
  const url = path.startsWith("http") ? path : `${APP_ORIGIN}/api/auth${path}`;
  const response = await getAuth().handler(
    new Request(url, {
      method: options.method ?? (body === undefined ? "GET" : "POST"),
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
    }),
  );
  const text = await response.clone().text();
  let json: Record<string, unknown> | null = null;
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    json = null;
  }
  return { response, status: response.status, json };
};

/** The `name=value` pairs a browser would send back, from a response's Set-Cookie headers (cleared ones dropped). */
export const cookieFrom = (response: Response): string =>
  response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!.trim())
    .filter((pair) => pair.split("=")[1] !== "")
    .join("; ");

/** Signs in through the HTTP handler and returns the session cookie header. */
export const signInCookie = async (email: string, password: string) => {
  const { status, response, json } = await authRequest("/sign-in/email", { email, password });
  if (status !== 200) throw new Error(`sign-in failed (${status}): ${JSON.stringify(json)}`);
  const cookie = cookieFrom(response);
  if (!cookie) throw new Error("sign-in returned no session cookie");
  return cookie;
};
