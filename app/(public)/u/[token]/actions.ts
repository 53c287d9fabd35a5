"use server";

import { unsubscribeRecipient } from "@/server/domain/tracking/change-subscription";

export type UnsubscribeState = { status: "unsubscribed" } | { status: "invalid" } | { status: "error" } | null;

/** The page's POST (a server action, so a GET never unsubscribes); the token in the form is the credential. */
export async function unsubscribeAction(_previous: UnsubscribeState, formData: FormData): Promise<UnsubscribeState> {
  const token = formData.get("token");
  if (typeof token !== "string") return { status: "invalid" };
  try {
    const result = await unsubscribeRecipient({ token, via: "page" });
    return result ? { status: "unsubscribed" } : { status: "invalid" };
  } catch {
    return { status: "error" };
  }
}
