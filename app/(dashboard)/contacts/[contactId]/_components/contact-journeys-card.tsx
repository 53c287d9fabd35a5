"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime, formatRelative } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";

const STATUS_TONE: Record<string, BadgeTone> = { active: "brand", waiting: "amber", completed: "green", exited: "neutral", failed: "red" };
const OUTCOME_TONE: Record<string, BadgeTone> = { sent: "green", called: "green", skipped: "amber", failed: "red", retrying: "amber", waiting: "neutral" };

const NODE_LABELS: Record<string, string> = {
  trigger_list_joined: "Joined a list",
  trigger_segment_entered: "Entered a segment",
  trigger_event: "Event trigger",
  trigger_date: "Date trigger",
  trigger_api: "Entered via API",
  send_email: "Send email",
  send_sms: "Send SMS",
  webhook: "Webhook",
  update_attribute: "Update attribute",
  add_to_list: "Add to list",
  remove_from_list: "Remove from list",
  wait_duration: "Wait",
  wait_until: "Wait until",
  wait_for_event: "Wait for event",
  branch_segment: "Branch",
  split_random: "Random split",
  exit: "Exit",
};

/** The step's detail in a few words: why it was skipped, when it waits until, what the receiver answered. */
const describe = (detail: Record<string, unknown> | null) => {
  if (!detail) return null;
  const parts: string[] = [];
  if (typeof detail.reason === "string") parts.push(detail.reason);
  if (typeof detail.until === "string") parts.push(`until ${formatDateTime(new Date(detail.until))}`);
  if (typeof detail.status === "number") parts.push(`HTTP ${detail.status}`);
  if (typeof detail.attempts === "number") parts.push(`attempt ${detail.attempts}`);
  return parts.join(" · ") || null;
};

/** The journeys this contact is or was in, and every step they took, newest first. */
export function ContactJourneysCard({ contactId }: { contactId: string }) {
  const trpc = useTRPC();
  const timeline = useInfiniteQuery(
    trpc.journeyTimeline.contact.infiniteQueryOptions({ contactId, limit: 25 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );
  const runs = timeline.data?.pages[0]?.runs ?? [];
  const steps = timeline.data?.pages.flatMap((page) => page.steps) ?? [];

  return (
    <Card>
      <CardHeader>
        <CardTitle>Journeys</CardTitle>
        <CardDescription>The journeys this contact is in or went through, and each step they took.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {timeline.isLoading && <Skeleton className="h-24 w-full" />}
        {timeline.error && <Alert tone="error">{errorMessage(timeline.error)}</Alert>}
        {timeline.data && runs.length === 0 && steps.length === 0 && <p className="text-sm text-slate-500">Not in any journey yet.</p>}
        {runs.length > 0 && (
          <ul aria-label="Journey runs" className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {runs.map((run) => (
              <li key={run.stateId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span className="min-w-0">
                  <Link href={`/journeys/${run.journeyId}`} className="font-medium text-slate-900 hover:underline">
                    {run.journeyName}
                  </Link>
                  <span className="ml-2 text-slate-500">
                    {run.finishedAt ? `left ${formatRelative(run.finishedAt)}${run.exitReason ? ` (${run.exitReason})` : ""}` : `at ${run.nodeId}`}
                    {!run.finishedAt && run.waitEvent ? `, waiting for ${run.waitEvent}` : ""}
                  </span>
                </span>
                <Badge tone={STATUS_TONE[run.status] ?? "neutral"}>{run.status}</Badge>
              </li>
            ))}
          </ul>
        )}
        {steps.length > 0 && (
          <ol aria-label="Journey steps" className="space-y-2">
            {steps.map((step) => (
              <li key={step.id} className="flex items-start justify-between gap-3 text-sm">
                <span className="min-w-0">
                  <span className="font-medium text-slate-800">{NODE_LABELS[step.nodeType] ?? step.nodeType}</span>
                  <span className="text-slate-500"> in {step.journeyName}</span>
                  {describe(step.detail) && <span className="block text-xs text-slate-500">{describe(step.detail)}</span>}
                </span>
                <span className="flex shrink-0 items-center gap-2">
                  <Badge tone={OUTCOME_TONE[step.outcome] ?? "neutral"}>{step.outcome}</Badge>
                  <time className="text-xs whitespace-nowrap text-slate-500" dateTime={step.occurredAt.toISOString()} title={formatDateTime(step.occurredAt)}>
                    {formatRelative(step.occurredAt)}
                  </time>
                </span>
              </li>
            ))}
          </ol>
        )}
        {timeline.hasNextPage && (
          <Button variant="secondary" pending={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
            Show older steps
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
