import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDateTime, formatRelative } from "@/lib/format";

type ContactEvent = { id: number; name: string; properties: Record<string, unknown>; occurredAt: Date };

export function ContactEventsCard({ events }: { events: ContactEvent[] }) {
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>Recent events</CardTitle>
        <CardDescription>The latest 50 things this contact did, as your app or site reported them through the events API.</CardDescription>
      </CardHeader>
      {events.length === 0 ? (
        <p className="px-6 py-8 text-center text-sm text-slate-500">No events yet.</p>
      ) : (
        <Table aria-label="Recent events">
          <TableHead>
            <tr>
              <TableHeaderCell>Event</TableHeaderCell>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>Properties</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {events.map((event) => (
              <TableRow key={event.id}>
                <TableCell className="align-top font-mono text-[13px] whitespace-nowrap text-slate-900">{event.name}</TableCell>
                <TableCell className="align-top whitespace-nowrap text-slate-500">
                  <time dateTime={event.occurredAt.toISOString()} title={formatDateTime(event.occurredAt)}>
                    {formatRelative(event.occurredAt)}
                  </time>
                </TableCell>
                <TableCell className="w-full max-w-0 align-top">
                  {Object.keys(event.properties).length ? (
                    <pre className="max-h-32 overflow-auto rounded-md bg-slate-50 px-2 py-1.5 font-mono text-xs whitespace-pre-wrap text-slate-700">
                      {JSON.stringify(event.properties, null, 2)}
                    </pre>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
