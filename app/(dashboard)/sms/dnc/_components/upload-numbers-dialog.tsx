"use client";

import { useState, type FormEvent } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { formatBytes } from "@/lib/format";
import type { RefreshDncRegistryResult } from "@/server/domain/dnc/refresh-dnc-registry";
import type { DncRegistry } from "./dnc-types";

type Outcome = RefreshDncRegistryResult | { ok: false; error: string; http: true };

function Problems({ result }: { result: RefreshDncRegistryResult }) {
  if (!result.invalidSamples.length) return null;
  return (
    <div className="mt-3 max-h-48 overflow-y-auto rounded-lg border border-slate-200">
      <table className="w-full text-left text-sm" aria-label="Lines that could not be read">
        <thead className="sticky top-0 bg-slate-50 text-xs text-slate-500 uppercase">
          <tr>
            <th className="px-3 py-2 font-medium">Line</th>
            <th className="px-3 py-2 font-medium">Value</th>
            <th className="px-3 py-2 font-medium">Problem</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {result.invalidSamples.map((sample) => (
            <tr key={sample.line}>
              <td className="px-3 py-1.5 text-slate-500 tabular-nums">{sample.line.toLocaleString()}</td>
              <td className="px-3 py-1.5 font-mono text-[13px]">{sample.value}</td>
              <td className="px-3 py-1.5 text-slate-700">{sample.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The file goes as the request body to POST /api/v1/dnc/{id}/numbers, streamed by the browser and
 * by the server straight into the database: a register of millions of numbers never sits in memory.
 */
export function UploadNumbersDialog({ registry, onClose, onLoaded }: { registry: DncRegistry | null; onClose: () => void; onLoaded: () => void }) {
  const { current } = useWorkspace();
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [missing, setMissing] = useState(false);

  const close = () => {
    onClose();
    setFile(null);
    setOutcome(null);
    setMissing(false);
  };

  const upload = async (force: boolean) => {
    if (!registry || !file) return;
    setPending(true);
    try {
      const response = await fetch(`/api/v1/dnc/${registry.id}/numbers${force ? "?force=1" : ""}`, {
        method: "POST",
        headers: { "x-herald-workspace": current.id, "content-type": file.type || "text/plain" },
        body: file,
      });
      // 200 and 422 answer with the load's outcome; anything else with { error: { message } }.
      const body = (await response.json().catch(() => null)) as unknown;
      if (body && typeof body === "object" && "ok" in body) {
        const result = body as RefreshDncRegistryResult;
        setOutcome(result);
        if (result.ok) onLoaded();
      } else {
        const message = (body as { error?: { message?: string } } | null)?.error?.message;
        setOutcome({ ok: false, http: true, error: message ?? `The upload failed (HTTP ${response.status})` });
      }
    } catch {
      setOutcome({ ok: false, http: true, error: "Herald could not be reached. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing(!file);
    if (file) void upload(false);
  };

  const refused = outcome && !outcome.ok && !("http" in outcome) ? outcome : null;
  return (
    <Dialog
      open={registry !== null}
      onClose={close}
      title={`Upload numbers to the ${registry?.countryName ?? ""} register`}
      description="The file replaces the list in force once every line has been read. One number per line, or a CSV file with the number in the first column; numbers without a country code are read as this country's."
    >
      {outcome?.ok ? (
        <>
          <Alert tone="success" title={`${outcome.numberCount.toLocaleString()} numbers are now in force`}>
            {outcome.previousCount ? `Before: ${outcome.previousCount.toLocaleString()}. ` : ""}
            {outcome.invalidLines ? `${outcome.invalidLines.toLocaleString()} lines could not be read and were skipped.` : "Every line was read."}
          </Alert>
          <Problems result={outcome} />
          <DialogActions>
            <Button onClick={close}>Done</Button>
          </DialogActions>
        </>
      ) : (
        <Form onSubmit={onSubmit} noValidate>
          {/* Form wraps its children in a display:contents fieldset, so spacing goes on this div. */}
          <div className="space-y-4">
            {outcome && !outcome.ok && (
              <Alert tone="error" title="The list was not used">
                {outcome.error}
                {refused && <p className="mt-1">The list in force ({refused.numberCount.toLocaleString()} numbers) is unchanged.</p>}
              </Alert>
            )}
            {refused && <Problems result={refused} />}
            <Field label="File" hint={file ? `${file.name}, ${formatBytes(file.size)}` : "A .txt or .csv file, up to 500 MB"} error={missing ? "Choose a file to upload" : null}>
              {(control) => (
                <Input
                  {...control}
                  type="file"
                  accept=".txt,.csv,text/plain,text/csv"
                  className="py-2 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-2.5 file:py-1 file:text-sm file:font-medium"
                  onChange={(event) => {
                    setFile(event.target.files?.[0] ?? null);
                    setOutcome(null);
                  }}
                />
              )}
            </Field>
            <DialogActions>
              <Button variant="secondary" onClick={close} disabled={pending}>
                Cancel
              </Button>
              {refused && !refused.retryable && (
                <Button variant="danger" onClick={() => void upload(true)} pending={pending}>
                  Use this list anyway
                </Button>
              )}
              <Button type="submit" pending={pending}>
                Upload
              </Button>
            </DialogActions>
          </div>
        </Form>
      )}
    </Dialog>
  );
}
