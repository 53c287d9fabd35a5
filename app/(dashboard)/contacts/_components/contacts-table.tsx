"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ContactsIcon, PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { useDebounced } from "@/lib/use-debounced";
import { contactName, hasName } from "@/components/audience/contact-name";
import type { CountryOption } from "../_lib/form-options";
import { AddContactDialog } from "./add-contact-dialog";
import { ConsentBadge } from "./consent-badge";
import { KeysetPager } from "@/components/ui/keyset-pager";

const PAGE_SIZE = 50;

export function ContactsTable({ canEdit, countries, timeZones }: { canEdit: boolean; countries: CountryOption[]; timeZones: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [searchInput, setSearchInput] = useState("");
  const search = useDebounced(searchInput.trim());
  // Keyset pages: the cursors that led to each page so far, so "Previous" is a step back.
  const [cursors, setCursors] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  useEffect(() => setCursors([]), [search]);

  const cursor = cursors.at(-1);
  const contacts = useQuery({
    ...trpc.contacts.list.queryOptions({ search: search || undefined, cursor, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const count = useQuery({ ...trpc.contacts.count.queryOptions({ search: search || undefined }), placeholderData: keepPreviousData });
  const definitions = useQuery({ ...trpc.attributes.list.queryOptions(), enabled: canEdit });

  const page = cursors.length;
  const rows = contacts.data?.contacts ?? [];
  const first = page * PAGE_SIZE + 1;
  const total = count.data ? `${count.data.count.toLocaleString()}${count.data.capped ? "+" : ""}` : "…";
  const workspaceIsEmpty = !search && page === 0 && contacts.data && rows.length === 0;

  const addButton = canEdit && (
    <Button onClick={() => setAdding(true)}>
      <PlusIcon className="size-4" />
      Add contact
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Contacts"
        description="The people you send to, with their attributes and consent."
        actions={addButton}
      />

      {workspaceIsEmpty ? (
        <EmptyState
          icon={<ContactsIcon />}
          title="No contacts yet"
          description="Import contacts from a CSV file, add them one at a time, or send them from your app through the API. Each keeps its attributes, consent and activity."
          action={
            <div className="flex flex-wrap justify-center gap-2">
              <Link href="/contacts/imports" className={buttonClasses({ variant: canEdit ? "secondary" : "primary" })}>
                Import a CSV file
              </Link>
              {addButton}
            </div>
          }
        />
      ) : (
        <Card className="overflow-hidden">
          <div className="flex flex-col gap-3 border-b border-slate-100 px-5 py-3 sm:flex-row sm:items-center sm:justify-between">
            <Input
              type="search"
              value={searchInput}
              onChange={(event) => setSearchInput(event.target.value)}
              placeholder="Search by email, name or +852 phone"
              aria-label="Search contacts"
              className="sm:max-w-sm"
            />
            <p className="text-sm text-slate-500" aria-live="polite">
              {rows.length
                ? `${first.toLocaleString()}–${(first + rows.length - 1).toLocaleString()} of ${total}`
                : contacts.isFetching
                  ? "Searching…"
                  : `No contacts match “${search}”`}
            </p>
          </div>
          {contacts.isLoading ? (
            <TableSkeleton columns={5} />
          ) : contacts.error ? (
            <div className="p-5">
              <Alert tone="error">{errorMessage(contacts.error)}</Alert>
            </div>
          ) : rows.length === 0 ? (
            <p className="px-5 py-10 text-center text-sm text-slate-500">
              Nobody matches. Search by the start of an email address, a first or last name, or a phone number with its country code.
            </p>
          ) : (
            <Table aria-label="Contacts" className={contacts.isPlaceholderData ? "opacity-60" : undefined}>
              <TableHead>
                <tr>
                  <TableHeaderCell>Contact</TableHeaderCell>
                  <TableHeaderCell>Phone</TableHeaderCell>
                  <TableHeaderCell>Email consent</TableHeaderCell>
                  <TableHeaderCell>SMS consent</TableHeaderCell>
                  <TableHeaderCell>Created</TableHeaderCell>
                </tr>
              </TableHead>
              <TableBody>
                {rows.map((contact) => (
                  <TableRow key={contact.id} className="relative">
                    <TableCell className="max-w-0 min-w-56 sm:w-2/5">
                      <Link
                        href={`/contacts/${contact.id}`}
                        className="block truncate font-medium text-slate-900 after:absolute after:inset-0 hover:text-brand-700"
                      >
                        {contactName(contact)}
                      </Link>
                      {hasName(contact) && contact.email && <p className="truncate text-slate-500">{contact.email}</p>}
                    </TableCell>
                    <TableCell className="whitespace-nowrap tabular-nums">
                      {contact.phone ? (
                        <span className="inline-flex items-center gap-2">
                          {contact.phone}
                          {contact.phoneCountry && <Badge title="The number's country">{contact.phoneCountry}</Badge>}
                        </span>
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </TableCell>
                    <TableCell>{contact.email ? <ConsentBadge status={contact.emailStatus} channel="Email" /> : <span className="text-slate-400">—</span>}</TableCell>
                    <TableCell>{contact.phone ? <ConsentBadge status={contact.smsStatus} channel="SMS" /> : <span className="text-slate-400">—</span>}</TableCell>
                    <TableCell className="whitespace-nowrap text-slate-500">
                      <time dateTime={contact.createdAt.toISOString()} title={formatDateTime(contact.createdAt)}>
                        {formatDate(contact.createdAt)}
                      </time>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <KeysetPager cursors={cursors} setCursors={setCursors} nextCursor={contacts.data?.nextCursor} stale={contacts.isPlaceholderData} />
        </Card>
      )}

      {canEdit && (
        <AddContactDialog
          open={adding}
          onClose={() => setAdding(false)}
          countries={countries}
          timeZones={timeZones}
          definitions={definitions.data ?? []}
          onCreated={(contact) => {
            setAdding(false);
            void queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
            router.push(`/contacts/${contact.id}`);
          }}
        />
      )}
    </>
  );
}
