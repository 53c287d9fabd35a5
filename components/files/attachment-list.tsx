"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { formatBytes } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { uploadFile, UploadError } from "./upload-file";

// Only what the file picker offers; the server checks every file's contents whatever this says.
const ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.txt,.csv,.ics,.vcf,.rtf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.zip";

/**
 * A template's attachments: each with its size, the total against the per-message limit, an upload
 * button and remove buttons. Uploading stores the file, then attaches it; a file the template cannot
 * take is deleted again so it does not linger unseen.
 */
export function AttachmentList({ templateId, className }: { templateId: string; className?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { current } = useWorkspace();
  const canEdit = current.role !== "viewer";
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);

  const attachments = useQuery(trpc.files.templateAttachments.queryOptions({ templateId }));
  const attach = useMutation(trpc.files.attachToTemplate.mutationOptions());
  const detach = useMutation(trpc.files.detachFromTemplate.mutationOptions());
  const remove = useMutation(trpc.files.delete.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.files.templateAttachments.queryKey({ templateId }) });

  const add = async (files: File[]) => {
    setError(null);
    let total = attachments.data?.totalBytes ?? 0;
    for (const file of files) {
      const data = attachments.data;
      // The same checks the server makes, before sending megabytes it would refuse.
      if (data && file.size > data.fileMaxBytes) {
        setError(`${file.name} is ${formatBytes(file.size)}; attachments can be at most ${formatBytes(data.fileMaxBytes)} each.`);
        return;
      }
      if (data && total + file.size > data.limitBytes) {
        setError(
          `${file.name} (${formatBytes(file.size)}) does not fit: attachments on one message can add up to at most ${formatBytes(data.limitBytes)}, and ${formatBytes(total)} is used.`,
        );
        return;
      }
      setUploading(file.name);
      try {
        const uploaded = await uploadFile(file, "attachment", { workspaceId: current.id });
        try {
          const result = await attach.mutateAsync({ templateId, fileId: uploaded.id });
          total = result.totalBytes;
        } catch (attachError) {
          await remove.mutateAsync({ fileId: uploaded.id }).catch(() => {});
          throw attachError;
        }
      } catch (uploadError) {
        setError(uploadError instanceof UploadError ? uploadError.message : errorMessage(uploadError));
        return;
      } finally {
        setUploading(null);
        await refresh();
      }
    }
  };

  const removeFile = async (fileId: string) => {
    setError(null);
    try {
      await detach.mutateAsync({ templateId, fileId });
      // Deleted too unless another template still attaches it (the server refuses that, and it stays).
      await remove.mutateAsync({ fileId }).catch(() => {});
    } catch (removeError) {
      setError(errorMessage(removeError));
    } finally {
      await refresh();
    }
  };

  const data = attachments.data;
  const share = data ? Math.min(100, Math.round((data.totalBytes / data.limitBytes) * 100)) : 0;
  return (
    <section className={cn("space-y-3", className)} aria-label="Attachments">
      <div className="flex items-center justify-between gap-3">
        <h3 className="text-sm font-medium text-slate-900">Attachments</h3>
        {canEdit && (
          <>
            <Button size="sm" variant="secondary" onClick={() => input.current?.click()} pending={uploading !== null} disabled={!data}>
              {uploading ? "Uploading…" : "Attach a file"}
            </Button>
            <input
              ref={input}
              type="file"
              multiple
              accept={ACCEPT}
              className="sr-only"
              aria-label="File to attach"
              onChange={(event) => {
                const files = Array.from(event.target.files ?? []);
                event.target.value = "";
                if (files.length) void add(files);
              }}
            />
          </>
        )}
      </div>

      {error && <Alert tone="error">{error}</Alert>}
      {attachments.error && <Alert tone="error">{errorMessage(attachments.error)}</Alert>}

      {!data ? (
        !attachments.error && <Skeleton className="h-16 w-full" />
      ) : (
        <>
          {data.items.length === 0 ? (
            <p className="text-sm text-slate-500">No attachments. Files up to {formatBytes(data.fileMaxBytes)} each: PDF, images, text, calendar, Office and zip files.</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
              {data.items.map((file) => (
                <li key={file.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                  <span className="min-w-0 truncate text-slate-900" title={file.filename}>
                    {file.filename}
                  </span>
                  <span className="flex shrink-0 items-center gap-2">
                    <span className="tabular-nums text-slate-500">{formatBytes(file.sizeBytes)}</span>
                    {canEdit && (
                      <Button
                        size="sm"
                        variant="danger-ghost"
                        aria-label={`Remove ${file.filename}`}
                        pending={detach.isPending && detach.variables?.fileId === file.id}
                        onClick={() => void removeFile(file.id)}
                      >
                        Remove
                      </Button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <div className="space-y-1">
            <div
              role="meter"
              aria-label="Attachments on one message"
              aria-valuemin={0}
              aria-valuemax={data.limitBytes}
              aria-valuenow={data.totalBytes}
              className="h-1.5 overflow-hidden rounded-full bg-slate-100"
            >
              <div className={cn("h-full rounded-full", share >= 90 ? "bg-amber-500" : "bg-brand-600")} style={{ width: `${share}%` }} />
            </div>
            <p className="text-xs text-slate-500 tabular-nums">
              {formatBytes(data.totalBytes)} of {formatBytes(data.limitBytes)} per message
            </p>
          </div>
        </>
      )}
    </section>
  );
}
