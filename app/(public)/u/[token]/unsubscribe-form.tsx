"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { unsubscribeAction, type UnsubscribeState } from "./actions";

export function UnsubscribeForm({ token, stopped }: { token: string; stopped: boolean }) {
  const [state, action, pending] = useActionState<UnsubscribeState, FormData>(unsubscribeAction, stopped ? { status: "unsubscribed" } : null);
  const preferences = (
    <Link href={`/p/${token}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
      your subscription preferences
    </Link>
  );

  if (state?.status === "unsubscribed") {
    return (
      <Alert tone="success" title="You are unsubscribed">
        You will not get these emails any more. Changed your mind? Visit {preferences}.
      </Alert>
    );
  }
  return (
    <Form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {state?.status === "invalid" && <Alert tone="error">This link is not valid any more.</Alert>}
      {state?.status === "error" && <Alert tone="error">Something went wrong and you are still subscribed. Please try again.</Alert>}
      <Button type="submit" pending={pending} className="w-full">
        Unsubscribe
      </Button>
      <p className="text-center text-sm text-slate-500">Or choose which lists to stay on in {preferences}.</p>
    </Form>
  );
}
