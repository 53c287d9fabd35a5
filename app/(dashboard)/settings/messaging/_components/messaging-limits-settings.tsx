"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage, formErrors } from "@/lib/trpc-errors";

const FIELDS = ["maxPerDay", "maxPerWeek", "quietStart", "quietEnd", "appliesToCampaigns"] as const;

/** A whole number, null for an empty box; anything else is passed on for the server to name. */
const limit = (value: FormDataEntryValue | null): number | null => {
  const text = String(value ?? "").trim();
  return text === "" ? null : Number(text);
};
const clock = (value: FormDataEntryValue | null): string | null => String(value ?? "").trim() || null;

/**
 * Settings → Messaging limits: how many marketing messages one person may get per day and per week
 * (across journeys, and campaigns when ticked), and quiet hours in each recipient's own timezone.
 */
export function MessagingLimitsSettings({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policy = useQuery(trpc.messagingPolicy.get.queryOptions());
  const save = useMutation(trpc.messagingPolicy.save.mutationOptions());
  const [saved, setSaved] = useState(false);
  const errors = save.error ? formErrors(save.error, FIELDS) : null;

  if (policy.isLoading) return <Skeleton className="h-96 w-full" />;
  if (policy.error || !policy.data) return <Alert tone="error">{errorMessage(policy.error)}</Alert>;
  const current = policy.data;

  return (
    <Form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        setSaved(false);
        save.mutate(
          {
            maxPerDay: limit(data.get("maxPerDay")),
            maxPerWeek: limit(data.get("maxPerWeek")),
            quietStart: clock(data.get("quietStart")),
            quietEnd: clock(data.get("quietEnd")),
            appliesToCampaigns: data.get("appliesToCampaigns") === "on",
          },
          {
            onSuccess: () => {
              setSaved(true);
              void queryClient.invalidateQueries({ queryKey: trpc.messagingPolicy.get.queryKey() });
            },
          },
        );
      }}
    >
      {errors?.form && <Alert tone="error">{errors.form}</Alert>}
      {saved && <Alert tone="success">Messaging limits saved.</Alert>}
      <Card>
        <CardHeader>
          <CardTitle>Frequency cap</CardTitle>
          <CardDescription>
            The most marketing messages one person gets, across all journeys. A message over the cap is skipped and the
            contact moves on. Leave a box empty for no limit.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field label="Per day (UTC)" error={errors?.fields.maxPerDay}>
            {(control) => (
              <Input {...control} name="maxPerDay" type="number" min={1} max={1000} inputMode="numeric" defaultValue={current.maxPerDay ?? ""} placeholder="No limit" disabled={!canEdit} />
            )}
          </Field>
          <Field label="Per 7 days" error={errors?.fields.maxPerWeek}>
            {(control) => (
              <Input {...control} name="maxPerWeek" type="number" min={1} max={1000} inputMode="numeric" defaultValue={current.maxPerWeek ?? ""} placeholder="No limit" disabled={!canEdit} />
            )}
          </Field>
          <label className="flex items-start gap-2 text-sm text-slate-700 sm:col-span-2">
            <input type="checkbox" name="appliesToCampaigns" defaultChecked={current.appliesToCampaigns} disabled={!canEdit} className="mt-0.5 size-4 rounded border-slate-300" />
            <span>Campaigns count towards the cap and obey it too</span>
          </label>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Quiet hours</CardTitle>
          <CardDescription>
            No marketing messages between these times in the recipient&apos;s own timezone (UTC when we do not know it).
            Messages wait until quiet hours end rather than being dropped. The window may cross midnight (21:00 to 08:00).
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field label="From" error={errors?.fields.quietStart}>
            {(control) => <Input {...control} name="quietStart" type="time" defaultValue={current.quietStart ?? ""} disabled={!canEdit} />}
          </Field>
          <Field label="Until" error={errors?.fields.quietEnd}>
            {(control) => <Input {...control} name="quietEnd" type="time" defaultValue={current.quietEnd ?? ""} disabled={!canEdit} />}
          </Field>
        </CardContent>
        {canEdit ? (
          <CardFooter>
            <Button type="submit" pending={save.isPending}>
              Save limits
            </Button>
          </CardFooter>
        ) : (
          <CardFooter>
            <p className="text-sm text-slate-500">Only workspace admins can change these limits.</p>
          </CardFooter>
        )}
      </Card>
    </Form>
  );
}
