"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { ArrowLeftIcon, ContactsIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime } from "@/lib/format";
import { errorCode, errorMessage } from "@/lib/trpc-errors";
import { contactName } from "@/components/audience/contact-name";
import type { CountryOption } from "../../_lib/form-options";
import { ContactConsentCard } from "./contact-consent-card";
import { ContactEventsCard } from "./contact-events-card";
import { ContactJourneysCard } from "./contact-journeys-card";
import { ContactListsCard } from "./contact-lists-card";
import { ContactProfileCard } from "./contact-profile-card";

function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <p className="text-sm text-slate-500">{description}</p>
      </CardContent>
    </Card>
  );
}

export function ContactDetail({
  contactId,
  canEdit,
  countries,
  timeZones,
}: {
  contactId: string;
  canEdit: boolean;
  countries: CountryOption[];
  timeZones: string[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const detail = useQuery(trpc.contacts.get.queryOptions({ contactId }));
  const definitions = useQuery(trpc.attributes.list.queryOptions());
  const remove = useMutation(trpc.contacts.delete.mutationOptions());
  const [confirmDelete, setConfirmDelete] = useState(false);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.contacts.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.lists.pathKey() });
  };

  const back = (
    <Link href="/contacts" className="mb-4 inline-flex items-center gap-1.5 text-sm text-slate-500 hover:text-slate-800">
      <ArrowLeftIcon className="size-4" />
      All contacts
    </Link>
  );

  if (detail.isLoading) {
    return (
      <div role="status" aria-label="Loading" className="space-y-4">
        {back}
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (detail.error || !detail.data) {
    return (
      <>
        {back}
        {errorCode(detail.error) === "NOT_FOUND" || errorCode(detail.error) === "BAD_REQUEST" ? (
          <EmptyState
            icon={<ContactsIcon />}
            title="Contact not found"
            description="It may have been deleted, or it belongs to another workspace."
          />
        ) : (
          <Alert tone="error">{errorMessage(detail.error)}</Alert>
        )}
      </>
    );
  }

  const { contact, lists, consentHistory, events } = detail.data;
  const name = contactName(contact);

  return (
    <>
      {back}
      <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 items-center gap-4">
          <div
            className="flex size-12 shrink-0 items-center justify-center rounded-full bg-brand-50 text-lg font-semibold text-brand-700 uppercase"
            aria-hidden="true"
          >
            {name.slice(0, 1)}
          </div>
          <div className="min-w-0">
            <h1 className="truncate text-2xl font-semibold tracking-tight text-slate-900">{name}</h1>
            <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-500">
              {contact.email && <span>{contact.email}</span>}
              {contact.phone && (
                <span className="inline-flex items-center gap-1.5 tabular-nums">
                  {contact.phone}
                  {contact.phoneCountry && <Badge>{contact.phoneCountry}</Badge>}
                </span>
              )}
              <span>Added {formatDateTime(contact.createdAt)}</span>
            </p>
          </div>
        </div>
        {canEdit && (
          <Button variant="danger-ghost" onClick={() => setConfirmDelete(true)}>
            Delete contact
          </Button>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <ContactProfileCard
            contact={contact}
            definitions={definitions.data ?? []}
            countries={countries}
            timeZones={timeZones}
            canEdit={canEdit}
            onSaved={refresh}
          />
          <ContactEventsCard events={events} />
          <ComingSoon title="Messages" description="Emails and SMS sent to this contact will appear here once delivery lands." />
          <ContactJourneysCard contactId={contact.id} />
        </div>
        <div className="min-w-0 space-y-6">
          <ContactConsentCard contact={contact} history={consentHistory} canEdit={canEdit} onChanged={refresh} />
          <ContactListsCard contactId={contact.id} memberships={lists} canEdit={canEdit} onChanged={refresh} />
        </div>
      </div>

      <ConfirmDialog
        open={confirmDelete}
        onClose={() => {
          setConfirmDelete(false);
          remove.reset();
        }}
        title={`Delete ${name}?`}
        description="Their attributes, consent history, list memberships and events are deleted too. This cannot be undone."
        confirmLabel="Delete contact"
        pending={remove.isPending}
        error={remove.error ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
        onConfirm={() =>
          remove.mutate(
            { contactId },
            {
              onSuccess: () => {
                queryClient.removeQueries({ queryKey: trpc.contacts.get.queryKey({ contactId }) });
                refresh();
                router.push("/contacts");
              },
            },
          )
        }
      />
    </>
  );
}
