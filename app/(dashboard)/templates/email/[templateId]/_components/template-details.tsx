"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { MergeTagPicker } from "@/components/email-builder/merge-tag-picker";
import type { MergeTag } from "@/components/email-builder/types";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { Draft, TemplateProblem } from "./use-template-draft";

const firstProblem = (problems: readonly TemplateProblem[] | null, field: string) =>
  problems?.find((p) => p.field === field && p.severity === "error")?.message ?? null;

/** Subject, preheader and sender: what the inbox shows before anyone opens the message. */
export function TemplateDetails({
  draft,
  change,
  mergeTags,
  problems,
  fieldErrors,
  disabled,
}: {
  draft: Draft;
  change: (patch: Partial<Draft>) => void;
  mergeTags: readonly MergeTag[];
  problems: readonly TemplateProblem[] | null;
  fieldErrors: Record<string, string | undefined>;
  disabled: boolean;
}) {
  const trpc = useTRPC();
  const identities = useQuery(trpc.sendingIdentities.list.queryOptions());
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Field
        label="Subject"
        error={fieldErrors.subject ?? firstProblem(problems, "subject")}
        labelAside={!disabled && <MergeTagPicker mergeTags={mergeTags} onSelect={(tag) => change({ subject: `${draft.subject}${tag.value}` })} label="Insert merge tag" align="end" />}
      >
        {(control) => (
          <Input {...control} value={draft.subject} disabled={disabled} maxLength={998} placeholder="Your week in retail, {{ contact.first_name }}" onChange={(e) => change({ subject: e.target.value })} />
        )}
      </Field>
      <Field label="Preheader" hint="The preview text inboxes show after the subject." error={fieldErrors.preheader ?? firstProblem(problems, "preheader")}>
        {(control) => <Input {...control} value={draft.preheader} disabled={disabled} maxLength={500} onChange={(e) => change({ preheader: e.target.value })} />}
      </Field>
      <Field
        label="From"
        error={fieldErrors.sendingIdentityId}
        hint={
          identities.data?.length === 0 ? (
            <>
              No senders yet: <Link className="underline" href="/settings/senders">add one in Settings</Link>. Tests come from Herald until then.
            </>
          ) : undefined
        }
      >
        {(control) => (
          <Select {...control} value={draft.sendingIdentityId ?? ""} disabled={disabled} onChange={(e) => change({ sendingIdentityId: e.target.value || null })}>
            <option value="">No sender chosen</option>
            {identities.data?.map((identity) => (
              <option key={identity.id} value={identity.id}>
                {identity.fromName} &lt;{identity.fromEmail}&gt;
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Reply-to" hint="Optional; the sender's reply-to otherwise." error={fieldErrors.replyTo}>
        {(control) => <Input {...control} type="email" value={draft.replyTo} disabled={disabled} placeholder="help@example.com" onChange={(e) => change({ replyTo: e.target.value })} />}
      </Field>
    </div>
  );
}
