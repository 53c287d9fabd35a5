import "server-only";
import { headers } from "next/headers";
import { getAuth } from "@/server/auth/auth";

/**
 * The signed-in person for a server component, or null. headers() is read before getAuth() on
 * purpose: it marks the page dynamic, so the build never tries to prerender it without a database.
 */
export const getRequestSession = async () => {
  const requestHeaders = await headers();
  return getAuth().api.getSession({ headers: requestHeaders });
};
