"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { Select } from "@/components/ui/select";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import type { CreditEntryKind } from "@/server/domain/credits/credit-rules";
import type { CreditLedgerEntry } from "@/server/domain/credits/list-credit-ledger";
import { formatCredits, formatSignedCredits, type KindOption } from "./credit-format";

const PAGE_SIZE = 25;
const KIND_TONE: Record<CreditEntryKind, BadgeTone> = { top_up: "green", debit: "brand", refund: "neutral", adjustment: "amber" };
const CHANNEL_LABEL = { email: "Email", sms: "SMS" } as const;

/** What an entry was for, in words: its note, or what a sending entry paid for. */
const describe = (entry: CreditLedgerEntry) => {
  const parts: string[] = [];
  if (entry.channel) {
    const count = entry.messages ?? 0;
    parts.push(`${CHANNEL_LABEL[entry.channel]}: ${count.toLocaleString()} ${count === 1 ? "message" : "messages"}`);
  }
  if (entry.note) parts.push(entry.note);
  return parts.join(" · ");
};

export function CreditLedgerCard({ kinds }: { kinds: KindOption[] }) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<CreditEntryKind | "">("");
  const [cursors, setCursors] = useState<string[]>([]);
  const ledger = useQuery({
    ...trpc.credits.ledger.queryOptions({ kind: kind || undefined, cursor: cursors.at(-1), limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const label = Object.fromEntries(kinds.map((option) => [option.kind, option.label])) as Record<CreditEntryKind, string>;
  const rows = ledger.data?.entries ?? [];

  return (
    <Card className="overflow-hidden">
      <CardHeader className="flex flex-col gap-3 space-y-0 sm:flex-row sm:items-center sm:justify-between">
        <CardTitle>Ledger</CardTitle>
        <Select
          aria-label="Show entries of kind"
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as CreditEntryKind | "");
            setCursors([]);
          }}
          className="w-44"
        >
          <option value="">Everything</option>
          {kinds.map((option) => (
            <option key={option.kind} value={option.kind}>
              {option.label}
            </option>
          ))}
        </Select>
      </CardHeader>
      {ledger.isLoading ? (
        <TableSkeleton columns={4} />
      ) : ledger.error ? (
        <div className="p-5">
          <Alert tone="error">{errorMessage(ledger.error)}</Alert>
        </div>
      ) : rows.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-slate-500">{kind ? `No ${label[kind].toLowerCase()} entries.` : "No credit movements yet."}</p>
      ) : (
        <Table aria-label="Credit ledger" className={ledger.isPlaceholderData ? "opacity-60" : undefined}>
          <TableHead>
            <tr>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>What</TableHeaderCell>
              <TableHeaderCell>By</TableHeaderCell>
              <TableHeaderCell className="text-right">Credits</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {rows.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell className="whitespace-nowrap">
                  <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
                </TableCell>
                <TableCell className="w-full max-w-0">
                  <div className="flex items-center gap-2">
                    <Badge tone={KIND_TONE[entry.kind]}>{label[entry.kind]}</Badge>
                    <span className="truncate text-slate-700">{describe(entry)}</span>
                  </div>
                </TableCell>
                <TableCell className="whitespace-nowrap text-slate-500">{entry.createdByName ?? "Herald"}</TableCell>
                <TableCell
                  className={`text-right font-medium whitespace-nowrap tabular-nums ${entry.amount > 0 ? "text-emerald-700" : "text-slate-900"}`}
                  title={`${formatCredits(entry.amount)} credits`}
                >
                  {formatSignedCredits(entry.amount)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <KeysetPager cursors={cursors} setCursors={setCursors} nextCursor={ledger.data?.nextCursor} stale={ledger.isPlaceholderData} />
    </Card>
  );
}
