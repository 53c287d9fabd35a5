import "server-only";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/safe-next";
import { getRequestSession } from "@/lib/server-session";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const readParam = async (searchParams: SearchParams, name: string) => {
  const value = (await searchParams)[name];
  return typeof value === "string" ? value : undefined;
};

/** Someone already signed in has no business on sign-in or sign-up: send them where they were going. */
export const redirectIfSignedIn = async (next: string | undefined) => {
  const session = await getRequestSession();
  if (session) redirect(safeNextPath(next));
};
