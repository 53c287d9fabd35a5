"use server";

import { z } from "zod";
import { resubscribeRecipient, setListSubscription, unsubscribeFromEverything } from "@/server/domain/tracking/change-subscription";
import { loadPreferences, type PreferencesView } from "@/server/domain/tracking/find-subscriber";
import { isAppError } from "@/server/errors";

export type PreferencesState = { view: PreferencesView | null; notice?: string; error?: string };

const ZChange = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("list"), token: z.string(), listId: z.string(), subscribed: z.enum(["true", "false"]) }),
  z.object({ intent: z.literal("everything"), token: z.string() }),
  z.object({ intent: z.literal("resubscribe"), token: z.string() }),
]);

/**
 * Every change the page makes, as one server action (POST; the token in the form is the credential,
 * checked again on every call). Answers with the preferences as they now are.
 */
export async function changePreferencesAction(_previous: PreferencesState, formData: FormData): Promise<PreferencesState> {
  const parsed = ZChange.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { view: null, error: "This link is not valid any more." };
  const input = parsed.data;
  let notice: string;
  try {
    if (input.intent === "list") {
      const subscribed = input.subscribed === "true";
      if (!(await setListSubscription({ token: input.token, listId: input.listId, subscribed }))) return { view: null };
      notice = subscribed ? "Subscribed to the list." : "Unsubscribed from the list.";
    } else if (input.intent === "everything") {
      if (!(await unsubscribeFromEverything({ token: input.token }))) return { view: null };
      notice = "You are unsubscribed from everything.";
    } else {
      if (!(await resubscribeRecipient({ token: input.token }))) return { view: null };
      notice = "Welcome back: you are subscribed again.";
    }
  } catch (error) {
    return { view: await loadPreferences(input.token), error: isAppError(error) ? error.message : "Something went wrong. Please try again." };
  }
  return { view: await loadPreferences(input.token), notice };
}
