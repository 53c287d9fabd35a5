"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { hasLookalike, LOOKALIKES } from "@/server/domain/content/sms/sms-characters";
import type { DraftMeasure, DraftRoute } from "./draft";
import { formatCredits } from "./format-credits";

/** How a character reads in a chip: invisible ones by name, since a blank chip says nothing. */
const visible = (char: string) =>
  char === "\n" ? "new line" : /\s/.test(char) ? "space" : /[\u200b\u2060\u00ad\ufeff]/.test(char) ? "invisible" : char;

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

/**
 * The live length: encoding, characters, segments and what is left before the next one starts, the
 * characters that force UCS-2 (with the one-click fix) and those the route will drop.
 */
export function SmsCounter({
  measure,
  route,
  canEdit,
  onReplace,
}: {
  measure: DraftMeasure;
  route: DraftRoute | null;
  canEdit: boolean;
  onReplace: () => void;
}) {
  const ucs2 = measure.encoding === "ucs2";
  const fixable = [...measure.ucs2Characters.map((c) => c.char), ...measure.removed.map((c) => c.char)].some(hasLookalike);
  return (
    <div className="space-y-3">
      <div role="status" aria-label="Message length" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
        <Badge tone={ucs2 ? "amber" : "green"} title={ucs2 ? "70 characters per segment, 67 when split" : "160 characters per segment, 153 when split"}>
          {ucs2 ? "UCS-2" : "GSM-7"}
        </Badge>
        <span className="tabular-nums">{plural(measure.units, "character")}</span>
        <span aria-hidden="true">·</span>
        <span className="font-medium text-slate-900 tabular-nums">{plural(measure.segments, "segment")}</span>
        <span aria-hidden="true">·</span>
        <span className="tabular-nums">{measure.remaining.toLocaleString()} left in this segment</span>
        {route && measure.cost !== null && (
          <>
            <span aria-hidden="true">·</span>
            <span className="tabular-nums">{formatCredits(measure.cost)} credits per message</span>
          </>
        )}
      </div>
      {measure.mergeTags > 0 && (
        <p className="text-xs text-slate-500">
          Merge tags are not counted here, since each contact&apos;s values differ; the preview shows the real length for a contact.
        </p>
      )}

      {ucs2 && (
        <div className="rounded-lg border border-amber-200 bg-amber-50 px-3.5 py-3 text-sm text-amber-900">
          <p>
            {measure.ucs2Characters.length === 1 ? "This character makes" : "These characters make"} the message Unicode (UCS-2), so a segment
            holds 70 characters instead of 160:
          </p>
          <ul aria-label="Characters that force UCS-2" className="mt-2 flex flex-wrap gap-1.5">
            {measure.ucs2Characters.map((c) => (
              <li key={c.char} className="inline-flex items-center gap-1.5 rounded-md bg-white px-2 py-0.5 ring-1 ring-amber-200">
                <span className="font-mono font-medium">{visible(c.char)}</span>
                <span className="font-mono text-xs text-amber-700">{c.codePoint}</span>
                {c.offsets.length > 1 && <span className="text-xs">×{c.offsets.length}</span>}
                {hasLookalike(c.char) && <span className="text-xs text-amber-700">→ {visible(LOOKALIKES[c.char]!) || "removed"}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {measure.removed.length > 0 && (
        <div className="rounded-lg border border-red-200 bg-red-50 px-3.5 py-3 text-sm text-red-800">
          <p>The route {route ? `“${route.name}” ` : ""}cannot carry these, so they are removed before sending:</p>
          <ul aria-label="Characters the route removes" className="mt-2 flex flex-wrap gap-1.5">
            {measure.removed.map((c) => (
              <li key={c.char} className="inline-flex items-center gap-1.5 rounded-md bg-white px-2 py-0.5 ring-1 ring-red-200">
                <span className="font-mono font-medium">{visible(c.char)}</span>
                <span className="font-mono text-xs text-red-700">{c.codePoint}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {canEdit && fixable && (
        <Button variant="secondary" size="sm" onClick={onReplace}>
          Replace lookalikes
        </Button>
      )}
    </div>
  );
}
