"use client";

import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { errorMessage } from "@/lib/trpc-errors";
import { useEditor } from "../editor-context";

/** The journey's signing secret, for the receiving end to check X-Herald-Signature; admins only, on request. */
export function WebhookSecret() {
  const trpc = useTRPC();
  const { journeyId } = useEditor();
  const reveal = useMutation(trpc.journeys.revealWebhookSecret.mutationOptions());
  if (reveal.data)
    return (
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-800">Signing secret</p>
        <div className="flex items-center gap-2">
          <code className="min-w-0 flex-1 truncate rounded-md bg-slate-100 px-2 py-1.5 font-mono text-xs" data-testid="webhook-secret">
            {reveal.data.secret}
          </code>
          <CopyButton value={reveal.data.secret} variant="secondary" size="sm" />
        </div>
        <p className="text-xs text-slate-500">HMAC-SHA256 of “timestamp.body”, sent as t=…,v1=… in X-Herald-Signature.</p>
      </div>
    );
  return (
    <div className="space-y-1">
      <Button variant="ghost" size="sm" className="-ml-2.5" pending={reveal.isPending} onClick={() => reveal.mutate({ journeyId })}>
        Show the signing secret
      </Button>
      {reveal.error && <p className="text-sm text-red-600">{errorMessage(reveal.error)}</p>}
    </div>
  );
}
