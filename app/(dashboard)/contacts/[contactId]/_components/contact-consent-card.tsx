"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatDateTime, formatRelative } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { CONSENT_STATUSES, type Channel, type ConsentStatus } from "@/server/domain/contacts/contact-fields";
import { CONSENT_LABELS, ConsentBadge } from "../../_components/consent-badge";

type ConsentEvent = { id: number; channel: Channel; status: ConsentStatus; source: string; note: string | null; createdAt: Date };

const CHANNEL_LABELS: Record<Channel, string> = { email: "Email", sms: "SMS" };

const SOURCE_LABELS: Record<string, string> = {
  manual: "by hand",
  api: "through the API",
  import: "by an import",
  form: "through a form",
  unsubscribe_link: "with an unsubscribe link",
  bounce: "by a bounce",
  complaint: "by a complaint",
};

function ChannelConsent({
  contactId,
  channel,
  status,
  statusAt,
  reachable,
  canEdit,
  onChanged,
}: {
  contactId: string;
  channel: Channel;
  status: ConsentStatus | null;
  statusAt: Date | null;
  reachable: boolean;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const change = useMutation(trpc.contacts.changeConsent.mutationOptions());
  const [next, setNext] = useState<ConsentStatus | "">("");
  const [note, setNote] = useState("");

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <div>
          <h3 className="text-sm font-medium text-slate-900">{CHANNEL_LABELS[channel]}</h3>
          <p className="text-xs text-slate-500">
            {!reachable
              ? `No ${channel === "email" ? "email address" : "phone number"} yet`
              : statusAt
                ? `Since ${formatDateTime(statusAt)}`
                : "Nothing recorded"}
          </p>
        </div>
        {reachable && <ConsentBadge status={status} />}
      </div>
      {canEdit && reachable && (
        <Form
          onSubmit={(event) => {
            event.preventDefault();
            if (!next) return;
            change.mutate(
              { contactId, channel, status: next, note: note.trim() || undefined },
              {
                onSuccess: () => {
                  setNext("");
                  setNote("");
                  onChanged();
                },
              },
            );
          }}
        >
          <div className="space-y-2">
            <div className="flex gap-2">
              <Select
                aria-label={`New ${CHANNEL_LABELS[channel]} consent`}
                value={next}
                onChange={(event) => setNext(event.target.value as ConsentStatus | "")}
                className="min-w-0 flex-1"
              >
                <option value="">Change to…</option>
                {CONSENT_STATUSES.filter((option) => option !== status).map((option) => (
                  <option key={option} value={option}>
                    {CONSENT_LABELS[option]}
                  </option>
                ))}
              </Select>
              <Button type="submit" variant="secondary" disabled={!next} pending={change.isPending}>
                Update
              </Button>
            </div>
            {next && (
              <Input
                aria-label="Note (optional)"
                placeholder="Note, such as “asked in store” (optional)"
                value={note}
                maxLength={500}
                onChange={(event) => setNote(event.target.value)}
              />
            )}
            {change.error && <Alert tone="error">{errorMessage(change.error)}</Alert>}
          </div>
        </Form>
      )}
    </div>
  );
}

export function ContactConsentCard({
  contact,
  history,
  canEdit,
  onChanged,
}: {
  contact: {
    id: string;
    email: string | null;
    phone: string | null;
    emailStatus: ConsentStatus | null;
    emailStatusAt: Date | null;
    smsStatus: ConsentStatus | null;
    smsStatusAt: Date | null;
  };
  history: ConsentEvent[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Consent</CardTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <ChannelConsent
          contactId={contact.id}
          channel="email"
          status={contact.emailStatus}
          statusAt={contact.emailStatusAt}
          reachable={Boolean(contact.email)}
          canEdit={canEdit}
          onChanged={onChanged}
        />
        <ChannelConsent
          contactId={contact.id}
          channel="sms"
          status={contact.smsStatus}
          statusAt={contact.smsStatusAt}
          reachable={Boolean(contact.phone)}
          canEdit={canEdit}
          onChanged={onChanged}
        />
        <div className="border-t border-slate-100 pt-5">
          <h3 className="text-sm font-medium text-slate-900">History</h3>
          {history.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">No consent has been recorded for this contact.</p>
          ) : (
            <ol className="mt-3 space-y-4 border-l border-slate-200 pl-4" aria-label="Consent history">
              {history.map((event) => (
                <li key={event.id} className="relative">
                  <span className="absolute top-1.5 -left-[21px] size-2.5 rounded-full bg-white ring-2 ring-slate-300" aria-hidden="true" />
                  <p className="text-sm text-slate-800">
                    <span className="font-medium">{CHANNEL_LABELS[event.channel]}</span> {CONSENT_LABELS[event.status].toLowerCase()}{" "}
                    <span className="text-slate-500">{SOURCE_LABELS[event.source] ?? `(${event.source})`}</span>
                  </p>
                  {event.note && <p className="text-sm text-slate-500">“{event.note}”</p>}
                  <time className="text-xs text-slate-400" dateTime={event.createdAt.toISOString()} title={formatDateTime(event.createdAt)}>
                    {formatRelative(event.createdAt)}
                  </time>
                </li>
              ))}
            </ol>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
