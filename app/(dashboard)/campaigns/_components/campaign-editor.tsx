"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { describeAudience } from "@/components/campaigns/audience-summary";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { formatDateTime } from "@/lib/format";
import { formErrors } from "@/lib/trpc-errors";
import { AbTestFields } from "./ab-test-fields";
import { AudiencePicker } from "./audience-picker";
import { draftFromCampaign, draftProblems, draftToInput, type CampaignDraft } from "./campaign-draft";
import type { CampaignDetail } from "./campaign-labels";
import { LaunchDialog } from "./launch-dialog";
import { ScheduleFields } from "./schedule-fields";
import { SmsTemplateField } from "./sms-template-field";
import { useAudienceOptions } from "./use-audience-names";

const FIELDS = ["name", "channels", "emailTemplateId", "smsTemplateId", "sendingIdentityId", "audience", "sendAt", "localSendTime", "throttlePerSecond", "throttlePerHour"];

/** Server field paths such as "audience.listIds.0" belong to the audience picker as a whole; A/B paths ("abTest.variants[1].subject") keep theirs. */
const byField = (fields: Record<string, string | undefined>) => {
  const out: Record<string, string | undefined> = {};
  for (const [path, message] of Object.entries(fields)) {
    const field = path.startsWith("audience") ? "audience" : path;
    out[field] ??= message;
  }
  return out;
};

const startOf = (draft: CampaignDraft) => {
  const input = draftToInput(draft);
  if (draft.schedule === "local") return `At ${draft.localTime} in each recipient's timezone${input.sendAt ? `, from ${input.sendAt.toLocaleDateString()}` : ""}`;
  if (draft.schedule === "at" && input.sendAt) return formatDateTime(input.sendAt);
  return "Now";
};

const timingOf = (draft: CampaignDraft) =>
  draft.ab.enabled
    ? `${startOf(draft)}: an A/B test on ${draft.ab.samplePercent}% first; the winner goes to the rest after ${draft.ab.decideAfterHours} h`
    : startOf(draft);

/** A draft campaign's form: what, from whom, to whom, when and how fast; then Save draft or Launch. */
export function CampaignEditor({ campaign, canEdit }: { campaign: CampaignDetail; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = { channels: useId(), audience: useId() };
  const [saved, setSaved] = useState(() => draftFromCampaign(campaign));
  const [draft, setDraft] = useState(saved);
  const [localProblems, setLocalProblems] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [timezone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);

  const templates = useQuery(trpc.emailTemplates.list.queryOptions());
  const identities = useQuery(trpc.sendingIdentities.list.queryOptions());
  const template = useQuery({ ...trpc.emailTemplates.get.queryOptions({ templateId: draft.emailTemplateId }), enabled: draft.emailTemplateId !== "" });
  const { lists, segments, names } = useAudienceOptions();
  const update = useMutation(trpc.campaigns.update.mutationOptions());
  const launch = useMutation(trpc.campaigns.launch.mutationOptions());

  // The latest failure of either, split into what sits beside a field and what goes above the form.
  const failure = launch.error ?? update.error;
  const serverErrors = failure ? formErrors(failure, FIELDS) : null;
  const serverFields = serverErrors ? byField(serverErrors.fields) : {};
  const errors: Record<string, string | undefined> = { ...serverFields, ...localProblems };
  const inline = (field: string) => FIELDS.includes(field) || field.startsWith("abTest");
  const formError = serverErrors && !Object.keys(serverFields).some(inline) ? serverErrors.form : null;
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const change = (patch: Partial<CampaignDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.campaigns.get.queryKey({ campaignId: campaign.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
  };

  const save = async () => {
    const problems = draftProblems(draft);
    setLocalProblems(problems);
    launch.reset();
    if (Object.keys(problems).length) return false;
    try {
      const row = await update.mutateAsync({ campaignId: campaign.id, ...draftToInput(draft) });
      const next = draftFromCampaign({ ...campaign, ...row });
      setSaved(next);
      setDraft(next);
      queryClient.setQueryData(trpc.campaigns.get.queryKey({ campaignId: campaign.id }), (old) => (old ? { ...old, ...row } : old));
      void queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
      return true;
    } catch {
      return false; // shown from update.error
    }
  };

  const templateSender = template.data?.sendingIdentity;
  const selectedTemplate = templates.data?.find((t) => t.id === draft.emailTemplateId);

  return (
    <>
      <Form
        noValidate
        className="space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset disabled={!canEdit} className="m-0 min-w-0 space-y-5 border-0 p-0">
          {formError && <Alert tone="error">{formError}</Alert>}
          <Card>
            <CardHeader>
              <CardTitle>Message</CardTitle>
              <CardDescription>What goes out, and who it comes from.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-5">
              <Field label="Campaign name" error={errors.name} className="max-w-xl">
                {(control) => <Input {...control} value={draft.name} onChange={(event) => change({ name: event.target.value })} maxLength={200} />}
              </Field>
              <fieldset aria-describedby={errors.channels ? ids.channels : undefined}>
                <legend className="mb-1.5 text-sm font-medium text-slate-800">Channels</legend>
                <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={draft.email} onChange={(event) => change({ email: event.target.checked })} className="size-4 accent-brand-600" />
                    Email
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={draft.sms} onChange={(event) => change({ sms: event.target.checked })} className="size-4 accent-brand-600" />
                    SMS
                  </label>
                </div>
                <FieldError id={ids.channels}>{errors.channels}</FieldError>
              </fieldset>
              <div className="grid gap-5 lg:grid-cols-2">
                <Field
                  label="Email template"
                  error={errors.emailTemplateId}
                  hint={selectedTemplate ? `Subject: ${selectedTemplate.subject || "(none yet)"}` : undefined}
                  labelAside={
                    draft.emailTemplateId ? (
                      <Link href={`/templates/email/${draft.emailTemplateId}`} className="text-sm font-medium text-brand-700 hover:underline">
                        Edit template
                      </Link>
                    ) : (
                      <Link href="/templates" className="text-sm font-medium text-brand-700 hover:underline">
                        Templates
                      </Link>
                    )
                  }
                >
                  {(control) => (
                    <Select {...control} value={draft.emailTemplateId} onChange={(event) => change({ emailTemplateId: event.target.value })} disabled={!draft.email}>
                      <option value="">Choose a template…</option>
                      {templates.data?.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field
                  label="Sender"
                  error={errors.sendingIdentityId}
                  labelAside={
                    <Link href="/settings/senders" className="text-sm font-medium text-brand-700 hover:underline">
                      Senders
                    </Link>
                  }
                >
                  {(control) => (
                    <Select {...control} value={draft.sendingIdentityId} onChange={(event) => change({ sendingIdentityId: event.target.value })} disabled={!draft.email}>
                      <option value="">
                        {templateSender
                          ? `Template's sender: ${templateSender.fromName} <${templateSender.fromEmail}>`
                          : draft.emailTemplateId
                            ? "Template's sender (the template has none)"
                            : "Template's sender"}
                      </option>
                      {identities.data?.map((identity) => (
                        <option key={identity.id} value={identity.id}>
                          {identity.fromName} &lt;{identity.fromEmail}&gt;
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
              </div>
              {draft.sms && (
                <div className="grid gap-5 lg:grid-cols-2">
                  <SmsTemplateField value={draft.smsTemplateId} onChange={(smsTemplateId) => change({ smsTemplateId })} disabled={!canEdit} error={errors.smsTemplateId} />
                </div>
              )}
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>A/B test</CardTitle>
              <CardDescription>Optional: try subjects or designs on a share of the audience, then send the best to everyone else.</CardDescription>
            </CardHeader>
            <CardContent>
              <AbTestFields ab={draft.ab} change={(ab) => change({ ab })} errors={errors} templates={templates.data ?? []} smsChosen={draft.sms} />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Audience</CardTitle>
              <CardDescription>{describeAudience(draft.audience, names)}</CardDescription>
            </CardHeader>
            <CardContent>
              <AudiencePicker
                audience={draft.audience}
                onChange={(audience) => change({ audience })}
                lists={(lists.data ?? []).map((l) => ({ id: l.id, name: l.name, note: `${l.members.subscribed.toLocaleString()} subscribed` }))}
                segments={(segments.data ?? []).map((s) => ({ id: s.id, name: s.name }))}
                error={errors.audience}
                errorId={ids.audience}
              />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Schedule</CardTitle>
              <CardDescription>When it starts and, if your mail provider needs it, how fast it goes.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-5">
              <ScheduleFields draft={draft} change={change} errors={errors} timezone={timezone} />
              <div className="grid max-w-xl gap-4 sm:grid-cols-2">
                <Field label="At most per second" hint="Optional." error={errors.throttlePerSecond}>
                  {(control) => (
                    <Input {...control} type="number" min={1} step={1} inputMode="numeric" value={draft.throttlePerSecond} onChange={(event) => change({ throttlePerSecond: event.target.value })} />
                  )}
                </Field>
                <Field label="At most per hour" hint="Optional." error={errors.throttlePerHour}>
                  {(control) => (
                    <Input {...control} type="number" min={1} step={1} inputMode="numeric" value={draft.throttlePerHour} onChange={(event) => change({ throttlePerHour: event.target.value })} />
                  )}
                </Field>
              </div>
            </CardContent>
          </Card>

          {canEdit && (
            <div className="flex flex-wrap items-center justify-end gap-3">
              {dirty ? <Badge tone="amber">Unsaved changes</Badge> : update.isSuccess ? <Badge tone="green">Draft saved</Badge> : null}
              <Button type="submit" variant="secondary" pending={update.isPending && !confirming} disabled={!dirty}>
                Save draft
              </Button>
              <Button
                pending={update.isPending && confirming}
                onClick={async () => {
                  setConfirming(true);
                  if (!(await save())) setConfirming(false);
                }}
              >
                Launch…
              </Button>
            </div>
          )}
        </fieldset>
      </Form>
      <LaunchDialog
        open={confirming && !update.isPending && !update.error}
        onClose={() => {
          setConfirming(false);
          launch.reset();
        }}
        pending={launch.isPending}
        // Field problems close the dialog and show beside their fields; anything else shows here.
        error={launch.error && !Object.keys(serverFields).length ? launch.error : null}
        audience={describeAudience(draft.audience, names)}
        timing={timingOf(draft)}
        onLaunch={() =>
          launch.mutate(
            { campaignId: campaign.id },
            {
              onSuccess: () => {
                setConfirming(false);
                refresh();
              },
              onError: (error) => {
                if (Object.keys(formErrors(error, FIELDS).fields).length) setConfirming(false);
              },
            },
          )
        }
      />
    </>
  );
}
