"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { errorMessage } from "@/lib/trpc-errors";
import { useDebounced } from "@/lib/use-debounced";
import { ContactPicker, type PickedContact } from "@/components/content/contact-picker";
import type { SmsDraft } from "./draft";
import { formatCredits } from "./format-credits";

/**
 * The message as one contact (or the sample person) would get it, rendered by the server exactly as a
 * send would: merge tags filled, footer, lookalike policy, the route's charset, and its real cost.
 */
export function SmsPreviewCard({ templateId, draft }: { templateId: string; draft: SmsDraft }) {
  const trpc = useTRPC();
  const [contact, setContact] = useState<PickedContact | null>(null);
  const settled = useDebounced(draft, 300);
  const preview = useQuery({
    ...trpc.smsTemplates.preview.queryOptions({
      templateId,
      body: settled.body,
      optOutFooter: settled.optOutFooter,
      characterPolicy: settled.characterPolicy,
      routeId: settled.routeId,
      contactId: contact?.id ?? null,
    }),
    placeholderData: keepPreviousData,
  });
  const data = preview.data;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Preview</CardTitle>
        <CardDescription>Rendered as it would be sent, merge tags filled in.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <ContactPicker contact={contact} onChange={setContact} />
        {preview.error ? (
          <Alert tone="error">{errorMessage(preview.error)}</Alert>
        ) : !data ? (
          <p className="text-sm text-slate-500">Rendering…</p>
        ) : !data.ok ? (
          <Alert tone="warning" title={`Line ${data.problem.line}, column ${data.problem.column}`}>
            {data.problem.message}
          </Alert>
        ) : (
          <div className="space-y-3" aria-label="Rendered message" role="region">
            <div className="rounded-2xl rounded-bl-sm bg-slate-100 px-4 py-3 text-sm whitespace-pre-wrap break-words text-slate-900">
              {data.text || <span className="text-slate-400">Empty message</span>}
            </div>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-500">Encoding</dt>
              <dd>
                <Badge tone={data.encoding === "ucs2" ? "amber" : "green"}>{data.encoding === "ucs2" ? "UCS-2" : "GSM-7"}</Badge>
              </dd>
              <dt className="text-slate-500">Length</dt>
              <dd className="tabular-nums">
                {data.units.toLocaleString()} characters, {data.segments.toLocaleString()} segment{data.segments === 1 ? "" : "s"}
              </dd>
              <dt className="text-slate-500">Cost</dt>
              <dd className="tabular-nums">{data.cost === null ? "Choose a route" : `${formatCredits(data.cost)} credits`}</dd>
            </dl>
            {data.replaced.length > 0 && (
              <p className="text-xs text-slate-500">Lookalikes replaced: {data.replaced.map((c) => `${c.char} → ${c.replacement || "nothing"}`).join(", ")}</p>
            )}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
