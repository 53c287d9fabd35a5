"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useMemo, useState, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ArrowLeftIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { linkify, parseHeaders } from "./message-parts";

type Tab = "html" | "text" | "headers";

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-3 py-1 text-sm">
      <dt className="w-20 shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

function TextPart({ text }: { text: string }) {
  return (
    <pre className="overflow-x-auto px-5 py-4 font-sans text-sm leading-relaxed whitespace-pre-wrap text-slate-800">
      {linkify(text).map((segment, index) =>
        segment.kind === "link" ? (
          <a key={index} href={segment.value} target="_blank" rel="noreferrer noopener" className="text-brand-600 underline">
            {segment.value}
          </a>
        ) : (
          segment.value
        ),
      )}
    </pre>
  );
}

export function OutboxMessage({ messageId }: { messageId: string }) {
  const trpc = useTRPC();
  const message = useQuery(trpc.outbox.get.queryOptions({ messageId }));
  const headers = useMemo(() => (message.data ? parseHeaders(message.data.raw) : []), [message.data]);
  const [chosenTab, setChosenTab] = useState<Tab | null>(null);
  const tabsId = useId();

  const back = (
    <Link href="/outbox" className="mb-4 inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-slate-800">
      <ArrowLeftIcon className="size-4" />
      Outbox
    </Link>
  );

  if (message.isLoading) {
    return (
      <div role="status" aria-label="Loading">
        {back}
        <Skeleton className="mb-3 h-7 w-2/3" />
        <Skeleton className="mb-6 h-4 w-1/3" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  if (message.error || !message.data) {
    return (
      <div>
        {back}
        <Alert tone="error">{message.error ? errorMessage(message.error) : "Message not found"}</Alert>
      </div>
    );
  }

  const data = message.data;
  const tabs: Array<{ id: Tab; label: string; available: boolean }> = [
    { id: "html", label: "HTML", available: data.html !== null },
    { id: "text", label: "Text", available: data.text !== null },
    { id: "headers", label: "Headers", available: true },
  ];
  const available = tabs.filter((tab) => tab.available);
  const tab = chosenTab ?? available[0]!.id;

  return (
    <div>
      {back}
      <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900">{data.subject || "(no subject)"}</h1>
      <dl className="mt-3 mb-6">
        <Meta label="From">{data.mailFrom || "—"}</Meta>
        <Meta label="To">{data.recipients.join(", ") || "—"}</Meta>
        <Meta label="Received">
          <time dateTime={data.receivedAt.toISOString()}>{formatDateTime(data.receivedAt)}</time>
        </Meta>
      </dl>

      <Card className="overflow-hidden">
        <div role="tablist" aria-label="Message parts" className="flex gap-1 border-b border-slate-200 px-3 pt-2">
          {available.map((item) => (
            <button
              key={item.id}
              type="button"
              role="tab"
              id={`${tabsId}-${item.id}-tab`}
              aria-selected={tab === item.id}
              aria-controls={`${tabsId}-${item.id}-panel`}
              tabIndex={tab === item.id ? 0 : -1}
              onClick={() => setChosenTab(item.id)}
              onKeyDown={(event) => {
                if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
                const index = available.findIndex((candidate) => candidate.id === tab);
                const step = event.key === "ArrowRight" ? 1 : -1;
                const nextTab = available[(index + step + available.length) % available.length]!;
                setChosenTab(nextTab.id);
                document.getElementById(`${tabsId}-${nextTab.id}-tab`)?.focus();
              }}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                tab === item.id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800",
              )}
            >
              {item.label}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`${tabsId}-${tab}-panel`} aria-labelledby={`${tabsId}-${tab}-tab`}>
          {tab === "html" && data.html !== null && (
            // sandbox="" allows nothing: no scripts, no forms, no same-origin access, no top navigation.
            <iframe
              sandbox=""
              srcDoc={data.html}
              title="HTML part of the message"
              className="block h-[70vh] min-h-96 w-full bg-white"
            />
          )}
          {tab === "text" && data.text !== null && <TextPart text={data.text} />}
          {tab === "headers" && (
            <div className="overflow-x-auto px-5 py-4">
              <table className="w-full text-left font-mono text-xs">
                <caption className="sr-only">Message headers</caption>
                <tbody>
                  {headers.map((header, index) => (
                    <tr key={index} className="align-top">
                      <th scope="row" className="py-1 pr-4 font-semibold whitespace-nowrap text-slate-600">
                        {header.name}
                      </th>
                      <td className="py-1 break-all text-slate-800">{header.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </Card>
    </div>
  );
}
