"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc";

/** Lists and segments of the workspace, and their names by id (for audience summaries). */
export function useAudienceOptions() {
  const trpc = useTRPC();
  const lists = useQuery(trpc.lists.list.queryOptions());
  const segments = useQuery(trpc.segments.list.queryOptions());
  const names = useMemo(
    () => new Map([...(lists.data ?? []).map((l) => [l.id, l.name] as const), ...(segments.data ?? []).map((s) => [s.id, s.name] as const)]),
    [lists.data, segments.data],
  );
  return { lists, segments, names };
}
