"use client";

/** Nothing to configure: how to send contacts in, with this journey's id. */
export function ApiTriggerForm({ journeyId }: { journeyId: string }) {
  return (
    <div className="space-y-2 text-sm text-slate-600">
      <p>Once the journey is live, your code enters contacts with an API key that has contacts:write, through the SDK:</p>
      <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
        {`await herald.journeyRuns.enter.mutate({\n  journeyId: "${journeyId}",\n  contact: { email: "ana@example.com" },\n  data: { plan: "pro" },\n});`}
      </pre>
      <p>
        or <code className="text-xs">POST /api/v1/journeys/{journeyId}/enter</code> with the same body. <code className="text-xs">data</code> is available to
        templates as <code className="text-xs">{"{{ event.plan }}"}</code>.
      </p>
    </div>
  );
}
