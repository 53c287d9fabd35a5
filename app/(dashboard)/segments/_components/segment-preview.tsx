"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { errorCode, errorMessage } from "@/lib/trpc-errors";
import type { SegmentDefinition } from "@/server/domain/segments/segment-rules";

const number = new Intl.NumberFormat();

/** Both preview queries: the count and the first matching contacts, for the definition as it stands. */
export function useSegmentPreview(definition: SegmentDefinition) {
  const trpc = useTRPC();
  const preview = { placeholderData: keepPreviousData, retry: false, staleTime: 30_000 } as const;
  const count = useQuery({ ...trpc.segments.count.queryOptions({ definition }), ...preview });
  const sample = useQuery({ ...trpc.segments.sample.queryOptions({ definition }), ...preview });
  const total = useQuery({
    ...trpc.segments.count.queryOptions({ definition: { version: 1, root: { type: "group", combinator: "and", rules: [] } } }),
    staleTime: 60_000,
  });
  return { count, sample, total };
}

type Preview = ReturnType<typeof useSegmentPreview>;

const isInvalid = (error: unknown) => errorCode(error) === "BAD_REQUEST";

export function CountCard({ preview, stale }: { preview: Preview; stale: boolean }) {
  const { count, total } = preview;
  const busy = stale || count.isFetching;
  return (
    <Card aria-live="polite">
      <CardHeader className="flex items-center justify-between space-y-0">
        <CardTitle className="text-sm font-medium text-slate-600">Matching contacts</CardTitle>
        {busy && <Spinner className="text-slate-400" />}
      </CardHeader>
      <div className="px-5 py-5 sm:px-6">
        {count.error && !count.data ? (
          isInvalid(count.error) ? (
            <p className="text-sm text-slate-600">Fix the rules marked in red to see how many contacts match.</p>
          ) : (
            <Alert tone="error">{errorMessage(count.error)}</Alert>
          )
        ) : count.data ? (
          <>
            <p data-testid="segment-count" className={busy || count.error ? "text-3xl font-semibold text-slate-400" : "text-3xl font-semibold text-slate-900"}>
              {number.format(count.data.count)}
            </p>
            <p className="mt-1 text-sm text-slate-500">
              {total.data ? `of ${number.format(total.data.count)} contacts in this workspace` : "contacts"}
              {count.error && isInvalid(count.error) ? " (before the last change, which has problems)" : ""}
            </p>
          </>
        ) : (
          <div className="h-14" role="status" aria-label="Counting" />
        )}
      </div>
    </Card>
  );
}

const name = (contact: { firstName: string | null; lastName: string | null }) =>
  [contact.firstName, contact.lastName].filter(Boolean).join(" ") || "—";

export function SampleCard({ preview }: { preview: Preview }) {
  const { sample } = preview;
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>Sample</CardTitle>
        <CardDescription>The first 20 matching contacts, oldest first.</CardDescription>
      </CardHeader>
      {sample.isLoading ? (
        <TableSkeleton columns={3} rows={3} />
      ) : sample.error && !sample.data ? (
        <p className="px-5 py-6 text-sm text-slate-500 sm:px-6">
          {isInvalid(sample.error) ? "No sample while the rules have problems." : errorMessage(sample.error)}
        </p>
      ) : !sample.data?.contacts.length ? (
        <p className="px-5 py-6 text-sm text-slate-500 sm:px-6">No contacts match these rules.</p>
      ) : (
        <Table aria-label="Matching contacts">
          <TableHead>
            <tr>
              <TableHeaderCell>Email</TableHeaderCell>
              <TableHeaderCell>Phone</TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody className={sample.isFetching || sample.error ? "opacity-60" : undefined}>
            {sample.data.contacts.map((contact) => (
              <TableRow key={contact.id}>
                <TableCell className="max-w-64 truncate">
                  <Link href={`/contacts/${contact.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                    {contact.email ?? contact.phone ?? "—"}
                  </Link>
                </TableCell>
                <TableCell className="whitespace-nowrap">{contact.phone ?? "—"}</TableCell>
                <TableCell className="max-w-48 truncate">{name(contact)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
