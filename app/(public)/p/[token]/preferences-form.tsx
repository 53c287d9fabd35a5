"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import type { PreferencesView } from "@/server/domain/tracking/find-subscriber";
import { changePreferencesAction, type PreferencesState } from "./actions";

const STOPPED_WORDS = {
  unsubscribed: "You are unsubscribed from all of these messages.",
  bounced: "Messages to this address bounced, so none are being sent.",
  complained: "This address reported a message as spam, so none are being sent.",
} as const;

export function PreferencesForm({ token, initial }: { token: string; initial: PreferencesView }) {
  const [state, action, pending] = useActionState<PreferencesState, FormData>(changePreferencesAction, { view: initial });
  const view = state.view;
  if (!view) return <Alert tone="error">This link is not valid any more.</Alert>;
  const stopped = view.consent === "unsubscribed" || view.consent === "bounced" || view.consent === "complained" ? view.consent : null;

  return (
    <div className="space-y-5">
      {state.notice && <Alert tone="success">{state.notice}</Alert>}
      {state.error && <Alert tone="error">{state.error}</Alert>}
      {stopped && (
        <Alert tone="info" title={STOPPED_WORDS[stopped]}>
          {stopped === "unsubscribed" && (
            <Form action={action} className="mt-3">
              <input type="hidden" name="token" value={token} />
              <input type="hidden" name="intent" value="resubscribe" />
              <Button type="submit" size="sm" variant="secondary" pending={pending}>
                Subscribe again
              </Button>
            </Form>
          )}
        </Alert>
      )}

      {view.lists.length > 0 ? (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" aria-label="Your lists">
          {view.lists.map((list) => (
            <li key={list.id} className="flex items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <p className="text-sm font-medium text-slate-900">{list.name}</p>
                {list.description && <p className="text-xs text-slate-500">{list.description}</p>}
                <p className="mt-0.5 text-xs text-slate-500">{list.subscribed ? "Subscribed" : "Not subscribed"}</p>
              </div>
              <Form action={action}>
                <input type="hidden" name="token" value={token} />
                <input type="hidden" name="intent" value="list" />
                <input type="hidden" name="listId" value={list.id} />
                <input type="hidden" name="subscribed" value={list.subscribed ? "false" : "true"} />
                <Button
                  type="submit"
                  size="sm"
                  variant={list.subscribed ? "secondary" : "primary"}
                  disabled={pending || (!list.subscribed && stopped !== null)}
                  aria-label={`${list.subscribed ? "Unsubscribe from" : "Subscribe to"} ${list.name}`}
                >
                  {list.subscribed ? "Unsubscribe" : "Subscribe"}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">You are not on any of our lists.</p>
      )}

      {!stopped && (
        <Form action={action} className="border-t border-slate-200 pt-4">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="intent" value="everything" />
          <Button type="submit" variant="danger" pending={pending} className="w-full">
            Unsubscribe from everything
          </Button>
        </Form>
      )}
    </div>
  );
}
