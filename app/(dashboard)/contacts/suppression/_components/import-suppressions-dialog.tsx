"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { controlClasses } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import { formatBytes } from "@/lib/format";
import { formErrors } from "@/lib/trpc-errors";
import type { ImportSuppressionsResult } from "@/server/domain/suppressions/import-suppressions";
import type { SuppressionReason } from "@/server/domain/suppressions/suppression-entry";
import { CountrySelect } from "./country-select";
import { REASON_LABELS, REASONS, type CountryOption } from "./suppression-labels";

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function ImportSummary({ result }: { result: ImportSuppressionsResult }) {
  return (
    <div className="space-y-3">
      <Alert tone={result.added ? "success" : "info"} title={`${plural(result.added, "entry", "entries")} suppressed`}>
        {[
          result.duplicates ? `${plural(result.duplicates, "was", "were")} already suppressed or repeated` : null,
          result.invalidCount ? `${plural(result.invalidCount, "line")} could not be read` : null,
        ]
          .filter(Boolean)
          .join("; ") || "Every line was read."}
      </Alert>
      {result.invalid.length > 0 && (
        <div className="max-h-60 overflow-y-auto rounded-lg border border-slate-200">
          <table className="w-full text-left text-sm" aria-label="Lines that could not be read">
            <thead className="sticky top-0 bg-slate-50 text-xs text-slate-500 uppercase">
              <tr>
                <th className="px-3 py-2 font-medium">Line</th>
                <th className="px-3 py-2 font-medium">Problem</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.invalid.map((problem) => (
                <tr key={problem.line}>
                  <td className="px-3 py-2 align-top text-slate-500 tabular-nums">{problem.line}</td>
                  <td className="px-3 py-2 text-slate-700">{problem.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.invalidCount > result.invalid.length && (
            <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">
              and {plural(result.invalidCount - result.invalid.length, "more line")}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** Paste or pick a small file; every line is read on the server and answered line by line. */
export function ImportSuppressionsDialog({
  open,
  onClose,
  countries,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  countries: CountryOption[];
  onImported: () => void;
}) {
  const trpc = useTRPC();
  const importing = useMutation(trpc.suppressions.import.mutationOptions());
  const [text, setText] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportSuppressionsResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const errors = importing.error ? formErrors(importing.error, ["text", "defaultCountry"]) : null;
  const lineCount = text ? text.split(/\r\n|\n|\r/).filter((line) => line.trim()).length : 0;

  const close = () => {
    onClose();
    setText("");
    setResult(null);
    setLocalError(null);
    importing.reset();
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setLocalError(`${file.name} is ${formatBytes(file.size)}; import at most 5 MB at a time`);
      return;
    }
    setLocalError(null);
    setText(await file.text());
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!text.trim()) {
      setLocalError("Paste at least one address, domain or number, or choose a file");
      return;
    }
    setLocalError(null);
    importing.mutate(
      {
        text,
        reason: String(form.get("reason")) as SuppressionReason,
        defaultCountry: String(form.get("defaultCountry") ?? "") || null,
      },
      {
        onSuccess: (value) => {
          setResult(value);
          onImported();
        },
      },
    );
  };

  if (result) {
    return (
      <Dialog open={open} onClose={close} title="Import finished">
        <ImportSummary result={result} />
        <DialogActions>
          <Button variant="secondary" onClick={() => setResult(null)}>
            Import more
          </Button>
          <Button onClick={close}>Done</Button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Bulk import suppressions"
      description="One entry per line: email addresses, domains (@example.com or example.com) and phone numbers. For a CSV file, the first column is read."
      className="sm:max-w-2xl"
    >
      <Form onSubmit={onSubmit} noValidate>
        {/* Form wraps its children in a display:contents fieldset, so spacing goes on this div. */}
        <div className="space-y-4">
          {errors?.form && <Alert tone="error">{errors.form}</Alert>}
          <Field
            label="Entries"
            error={localError ?? errors?.fields.text}
            labelAside={
              <>
                <input ref={fileInput} type="file" accept=".txt,.csv,text/plain,text/csv" className="sr-only" tabIndex={-1} onChange={onFile} aria-label="Choose a file" />
                <Button variant="ghost" size="sm" onClick={() => fileInput.current?.click()}>
                  Choose a file…
                </Button>
              </>
            }
            hint={lineCount ? `${plural(lineCount, "line")}` : "Up to 100,000 lines or 5 MB. Duplicates and entries already suppressed are skipped."}
          >
            {(control) => (
              <textarea
                {...control}
                name="text"
                value={text}
                onChange={(event) => setText(event.target.value)}
                rows={10}
                spellCheck={false}
                placeholder={"jane@example.com\n@spam.example\n+852 9123 4567"}
                className={cn(controlClasses, "py-2 font-mono text-[13px] leading-5")}
              />
            )}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Reason">
              {(control) => (
                <Select {...control} name="reason" defaultValue="manual">
                  {REASONS.map((reason) => (
                    <option key={reason} value={reason}>
                      {REASON_LABELS[reason]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Numbers without a country code are in" error={errors?.fields.defaultCountry}>
              {(control) => <CountrySelect {...control} name="defaultCountry" countries={countries} defaultValue="" />}
            </Field>
          </div>
          <DialogActions>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" pending={importing.isPending}>
              Import
            </Button>
          </DialogActions>
        </div>
      </Form>
    </Dialog>
  );
}
