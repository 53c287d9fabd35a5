"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { Lookups } from "./editor-context";

/** The workspace's templates, senders, lists and segments, for the side panel's pickers and the names on nodes. */
export function useLookups(): Lookups {
  const trpc = useTRPC();
  const emailTemplates = useQuery(trpc.emailTemplates.list.queryOptions());
  const smsTemplates = useQuery(trpc.smsTemplates.list.queryOptions({}));
  const senders = useQuery(trpc.sendingIdentities.list.queryOptions());
  const segments = useQuery(trpc.segments.list.queryOptions());
  const options = useQuery(trpc.segments.options.queryOptions());
  return useMemo(
    () => ({
      emailTemplates: (emailTemplates.data ?? []).map((t) => ({ id: t.id, name: t.name, subject: t.subject })),
      smsTemplates: (smsTemplates.data ?? []).map((t) => ({ id: t.id, name: t.name })),
      senders: (senders.data ?? []).map((s) => ({ id: s.id, name: s.fromName ? `${s.fromName} <${s.fromEmail}>` : s.fromEmail })),
      lists: options.data?.lists ?? [],
      segments: (segments.data ?? []).map((s) => ({ id: s.id, name: s.name })),
      segmentOptions: options.data ?? null,
      loading: emailTemplates.isLoading || smsTemplates.isLoading || segments.isLoading || options.isLoading,
    }),
    [emailTemplates.data, smsTemplates.data, senders.data, segments.data, options.data, emailTemplates.isLoading, smsTemplates.isLoading, segments.isLoading, options.isLoading],
  );
}
