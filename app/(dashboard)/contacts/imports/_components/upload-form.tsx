"use client";

import { useRef, useState, type DragEvent } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import { formatBytes } from "@/lib/format";
import type { ImportDetail } from "@/server/domain/imports/get-import";

const MAX_BYTES = 2 * 1024 ** 3;

type Upload = { file: File; loaded: number; request: XMLHttpRequest } | null;

/**
 * Step 1: choose a CSV and send it to POST /api/imports/upload as the request body. XMLHttpRequest
 * rather than fetch, for its upload progress events; the server streams the file into the database.
 */
export function UploadForm({ onUploaded }: { onUploaded: (importId: string) => void }) {
  const { current } = useWorkspace();
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<Upload>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const send = (file: File) => {
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(`${file.name} is ${formatBytes(file.size)}; files up to 2 GB can be imported. Split it into smaller files.`);
      return;
    }
    const request = new XMLHttpRequest();
    request.open("POST", `/api/imports/upload?filename=${encodeURIComponent(file.name)}`);
    request.setRequestHeader("content-type", "text/csv");
    request.setRequestHeader("x-herald-workspace", current.id);
    request.responseType = "json";
    request.upload.onprogress = (event) => setUpload((state) => (state ? { ...state, loaded: event.loaded } : state));
    request.onload = () => {
      setUpload(null);
      const body = request.response as { import?: Pick<ImportDetail, "id">; error?: { message?: string } } | null;
      if (request.status === 201 && body?.import) {
        onUploaded(body.import.id);
      } else {
        setError(body?.error?.message ?? `The upload failed (HTTP ${request.status}). Try again.`);
      }
    };
    request.onerror = () => {
      setUpload(null);
      setError("The upload was interrupted. Check your connection and try again.");
    };
    request.onabort = () => setUpload(null);
    setUpload({ file, loaded: 0, request });
    request.send(file);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !upload) send(file);
  };

  const percent = upload ? Math.round((upload.loaded / Math.max(1, upload.file.size)) * 100) : 0;

  return (
    <Card>
      <CardHeader>
        <CardTitle>Upload a CSV file</CardTitle>
        <CardDescription>
          The first row must name the columns. Commas, semicolons, tabs and pipes all work, in UTF-8 or Latin-1 (as older Excel saves it). Each contact needs an
          email or a phone number.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        {upload ? (
          <div className="space-y-3 rounded-lg border border-slate-200 p-4" aria-live="polite">
            <div className="flex items-baseline justify-between gap-4 text-sm">
              <span className="truncate font-medium text-slate-900">{upload.file.name}</span>
              <span className="shrink-0 tabular-nums text-slate-500">
                {percent < 100 ? `${formatBytes(upload.loaded)} of ${formatBytes(upload.file.size)}` : "Reading the columns…"}
              </span>
            </div>
            <div
              role="progressbar"
              aria-label="Upload progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-2 overflow-hidden rounded-full bg-slate-100"
            >
              <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${Math.max(2, percent)}%` }} />
            </div>
            <Button variant="ghost" size="sm" onClick={() => upload.request.abort()}>
              Cancel upload
            </Button>
          </div>
        ) : (
          <div
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            className={cn(
              "flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors",
              dragging ? "border-brand-500 bg-brand-50/50" : "border-slate-300",
            )}
          >
            <p className="text-sm text-slate-600">Drop a .csv file here, or</p>
            <Button onClick={() => input.current?.click()}>Choose a file</Button>
            <input
              ref={input}
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/plain"
              className="sr-only"
              aria-label="CSV file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = "";
                if (file) send(file);
              }}
            />
            <p className="text-xs text-slate-500">Up to 2 GB · millions of rows are fine</p>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
