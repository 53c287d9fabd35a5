"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { cn } from "@/lib/cn";
import { CreditsIcon } from "./icons";

/**
 * The workspace's balance in the top bar, so a marketer sees it before launching rather than from a
 * paused campaign. Refreshed every minute while sending spends it; empty until it loads.
 */
export function CreditsLink() {
  const trpc = useTRPC();
  const balance = useQuery({ ...trpc.credits.balance.queryOptions(), refetchInterval: 60_000 });
  if (!balance.data) return null;
  const { balance: credits } = balance.data;
  return (
    <Link
      href="/settings/credits"
      className={cn(
        "hidden items-center gap-1.5 rounded-md px-2 py-1 text-sm font-medium tabular-nums hover:bg-slate-100 sm:flex",
        credits <= 0 ? "text-red-700" : "text-slate-600",
      )}
    >
      <CreditsIcon className="size-4" />
      {credits.toLocaleString(undefined, { maximumFractionDigits: 2 })} credits
    </Link>
  );
}
