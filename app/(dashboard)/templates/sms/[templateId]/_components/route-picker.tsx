"use client";

import Link from "next/link";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { smsCost } from "@/server/domain/content/sms/sms-message";
import type { DraftRoute } from "./draft";
import { formatCredits } from "./format-credits";

const CHARSET = { ucs2: "Unicode", gsm7: "GSM-7", gsm7_basic: "GSM-7 basic" } as const;

/** Which route prices the message and decides its character set; each option shows its cost per segment. */
export function RoutePicker({
  routes,
  routeId,
  onChange,
  segments,
  error,
  disabled,
}: {
  routes: Array<DraftRoute & { markets: string[] }>;
  routeId: string | null;
  onChange: (routeId: string | null) => void;
  /** Of the draft as it stands, for the cost per message under the picker. */
  segments: number;
  error?: string;
  disabled?: boolean;
}) {
  const chosen = routes.find((route) => route.id === routeId) ?? null;
  return (
    <Field
      label="Route"
      error={error}
      hint={
        chosen ? (
          <span data-testid="cost-per-message">
            {segments.toLocaleString()} segment{segments === 1 ? "" : "s"} × {formatCredits(chosen.pricePerSegment)} ={" "}
            <strong className="font-medium text-slate-700">{formatCredits(smsCost(segments, chosen.pricePerSegment))} credits</strong> per message
          </span>
        ) : routes.length ? (
          "Its price per segment gives the cost; its character set decides what can be sent."
        ) : (
          <>
            No routes yet.{" "}
            <Link href="/settings/sms-routes" className="font-medium text-brand-700 hover:underline">
              Add one in Settings
            </Link>{" "}
            to see what a message costs.
          </>
        )
      }
    >
      {(control) => (
        <Select {...control} value={routeId ?? ""} disabled={disabled} onChange={(event) => onChange(event.target.value || null)}>
          <option value="">No route</option>
          {routes.map((route) => (
            <option key={route.id} value={route.id}>
              {route.name} ({route.markets.join(", ")}): {formatCredits(route.pricePerSegment)} credits per segment, {CHARSET[route.charset]}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
