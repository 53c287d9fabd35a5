"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { PlusIcon, TemplatesIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListTable } from "@/components/ui/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { formatRelative } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { NewEmailTemplateDialog } from "./new-email-template-dialog";
import { TemplatesTabs } from "./templates-tabs";

const EDITOR_LABELS = { visual: "Visual", code: "Code", rich_text: "Letter" } as const;

export function EmailTemplatesIndex({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [archived, setArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const templates = useQuery(trpc.emailTemplates.list.queryOptions({ archived }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.emailTemplates.list.queryKey() });
  const duplicate = useMutation(trpc.emailTemplates.duplicate.mutationOptions({ onSuccess: refresh }));
  const archive = useMutation(trpc.emailTemplates.archive.mutationOptions({ onSuccess: refresh }));
  const actionError = duplicate.error ?? archive.error;

  const createButton = canEdit && (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" />
      New template
    </Button>
  );

  return (
    <>
      <PageHeader title="Templates" description="Reusable email and SMS designs with personalised fields." actions={templates.data?.length ? createButton : null} />
      <TemplatesTabs active="email" />
      <div className="mb-4 flex justify-end">
        <label className="flex items-center gap-2 text-sm text-slate-600">
          <input type="checkbox" checked={archived} onChange={(event) => setArchived(event.target.checked)} />
          Show archived
        </label>
      </div>
      {actionError && <Alert tone="error">{errorMessage(actionError)}</Alert>}
      <ListTable
        query={templates}
        label="Email templates"
        columns={["Template", "Editor", "Edited", ...(canEdit ? [{ label: "Actions", right: true }] : [])]}
        empty={
          <EmptyState
            icon={<TemplatesIcon />}
            title={archived ? "No archived templates" : "No email templates yet"}
            description="Start from one of the ready-made designs (newsletter, welcome, promotion, receipt, win-back) or a blank page, then personalise with merge tags."
            action={archived ? null : createButton}
          />
        }
      >
        {(rows) =>
          rows.map((template) => (
            <TableRow key={template.id}>
              <TableCell className="w-full max-w-0">
                <Link href={`/templates/email/${template.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700">
                  {template.name}
                </Link>
                <p className="truncate text-slate-500">{template.subject || <em>No subject yet</em>}</p>
              </TableCell>
              <TableCell>
                <Badge>{EDITOR_LABELS[template.editor]}</Badge>
              </TableCell>
              <TableCell className="whitespace-nowrap text-slate-500">
                <time dateTime={new Date(template.updatedAt).toISOString()} title={new Date(template.updatedAt).toLocaleString()}>
                  {formatRelative(new Date(template.updatedAt))}
                </time>
              </TableCell>
              {canEdit && (
                <TableCell className="whitespace-nowrap text-right">
                  <Button variant="ghost" size="sm" onClick={() => duplicate.mutate({ templateId: template.id })}>
                    Duplicate
                  </Button>
                  <Button variant="ghost" size="sm" onClick={() => archive.mutate({ templateId: template.id, archived: !archived })}>
                    {archived ? "Restore" : "Archive"}
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))
        }
      </ListTable>
      {canEdit && (
        <NewEmailTemplateDialog
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            void refresh();
            router.push(`/templates/email/${id}`);
          }}
        />
      )}
    </>
  );
}
