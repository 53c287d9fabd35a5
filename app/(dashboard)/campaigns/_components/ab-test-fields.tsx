"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { addVariant, MAX_AB_VARIANTS, removeVariant, type AbTestDraft, type AbVariantDraft } from "./ab-test-draft";

const letter = (index: number) => String.fromCharCode(65 + index);

/**
 * The A/B section of a draft: off, or which field to test, its 2–5 variants, the share of the audience
 * that gets them, how the winner is judged and after how long. Errors arrive keyed by the server's
 * paths (`abTest.variants[1].subject`) and sit beside their inputs.
 */
export function AbTestFields({
  ab,
  change,
  errors,
  templates,
  smsChosen,
}: {
  ab: AbTestDraft;
  change: (ab: AbTestDraft) => void;
  errors: Record<string, string | undefined>;
  templates: { id: string; name: string; subject: string }[];
  smsChosen: boolean;
}) {
  const toggleId = useId();
  const errorId = useId();
  const set = (patch: Partial<AbTestDraft>) => change({ ...ab, ...patch });
  const setVariant = (index: number, patch: Partial<AbVariantDraft>) => set({ variants: ab.variants.map((v, i) => (i === index ? { ...v, ...patch } : v)) });
  const perVariant = Number(ab.samplePercent) > 0 ? Math.round((Number(ab.samplePercent) / ab.variants.length) * 10) / 10 : null;

  return (
    <div className="space-y-5">
      <label htmlFor={toggleId} className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input
          id={toggleId}
          type="checkbox"
          checked={ab.enabled}
          onChange={(event) => set({ enabled: event.target.checked })}
          aria-describedby={errors.abTest ? errorId : undefined}
          className="size-4 accent-brand-600"
        />
        Test variants on part of the audience first, then send the winner to the rest
      </label>
      <FieldError id={errorId}>{errors.abTest}</FieldError>
      {ab.enabled && smsChosen && !errors.abTest && <p className="text-sm text-amber-700">A/B tests are for email only: untick SMS to use one.</p>}
      {ab.enabled && (
        <>
          <div className="grid max-w-3xl gap-4 sm:grid-cols-2">
            <Field label="What to test" error={errors["abTest.field"]}>
              {(control) => (
                <Select {...control} value={ab.field} onChange={(event) => set({ field: event.target.value as AbTestDraft["field"] })}>
                  <option value="subject">Subject line</option>
                  <option value="content">Content (a template per variant)</option>
                </Select>
              )}
            </Field>
            <Field label="Pick the winner by" error={errors["abTest.winnerBy"]}>
              {(control) => (
                <Select {...control} value={ab.winnerBy} onChange={(event) => set({ winnerBy: event.target.value as AbTestDraft["winnerBy"] })}>
                  <option value="opens">Open rate (unique opens ÷ sent)</option>
                  <option value="clicks">Click rate (unique clicks ÷ sent)</option>
                </Select>
              )}
            </Field>
            <Field
              label="Test on (% of the audience)"
              hint={perVariant !== null ? `About ${perVariant}% per variant; the other ${Math.max(0, 100 - Number(ab.samplePercent))}% get the winner.` : "From 1 to 50."}
              error={errors["abTest.samplePercent"]}
            >
              {(control) => (
                <Input {...control} type="number" min={1} max={50} step={1} inputMode="numeric" value={ab.samplePercent} onChange={(event) => set({ samplePercent: event.target.value })} />
              )}
            </Field>
            <Field label="Pick the winner after (hours)" hint="Counted from when the test's messages start going out." error={errors["abTest.decideAfterMinutes"]}>
              {(control) => (
                <Input {...control} type="number" min={0.05} step="any" inputMode="decimal" value={ab.decideAfterHours} onChange={(event) => set({ decideAfterHours: event.target.value })} />
              )}
            </Field>
          </div>
          <fieldset className="space-y-3">
            <legend className="mb-1.5 text-sm font-medium text-slate-800">Variants</legend>
            <FieldError>{errors["abTest.variants"]}</FieldError>
            {ab.variants.map((variant, index) => {
              const path = `abTest.variants[${index}].${ab.field === "subject" ? "subject" : "emailTemplateId"}`;
              return (
                <div key={index} className="flex items-start gap-3" data-testid={`ab-variant-${index}`}>
                  <span className="mt-2 inline-flex size-6 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-700">
                    {letter(index)}
                  </span>
                  <Field label={`Variant ${letter(index)} ${ab.field === "subject" ? "subject" : "template"}`} error={errors[path]} className="min-w-0 flex-1">
                    {(control) =>
                      ab.field === "subject" ? (
                        <Input {...control} value={variant.subject} maxLength={998} placeholder="Liquid works here, e.g. {{ contact.first_name }}" onChange={(event) => setVariant(index, { subject: event.target.value })} />
                      ) : (
                        <Select {...control} value={variant.emailTemplateId} onChange={(event) => setVariant(index, { emailTemplateId: event.target.value })}>
                          <option value="">Choose a template…</option>
                          {templates.map((t) => (
                            <option key={t.id} value={t.id}>
                              {t.name}
                              {t.subject ? ` (${t.subject})` : ""}
                            </option>
                          ))}
                        </Select>
                      )
                    }
                  </Field>
                  <Button variant="danger-ghost" size="sm" className="mt-7" disabled={ab.variants.length <= 2} onClick={() => change(removeVariant(ab, index))} aria-label={`Remove variant ${letter(index)}`}>
                    Remove
                  </Button>
                </div>
              );
            })}
            <Button variant="secondary" size="sm" disabled={ab.variants.length >= MAX_AB_VARIANTS} onClick={() => change(addVariant(ab))}>
              Add variant
            </Button>
          </fieldset>
        </>
      )}
    </div>
  );
}
