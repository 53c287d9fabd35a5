"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { PlusIcon, SmsIcon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TemplatesTabs } from "../../_components/templates-tabs";
import { ListTable } from "@/components/ui/list-table";
import { TableCell, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { formatDate } from "@/lib/format";
import { CreateSmsTemplateDialog } from "./create-sms-template-dialog";

export function SmsTemplatesTable({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [archived, setArchived] = useState(false);
  const templates = useQuery(trpc.smsTemplates.list.queryOptions({ archived }));
  const [creating, setCreating] = useState(false);

  const createButton = canEdit && (
    <Button onClick={() => setCreating(true)}>
      <PlusIcon className="size-4" />
      New SMS template
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Templates"
        description="SMS messages with merge tags, counted in segments as carriers bill them."
        actions={templates.data?.length || archived ? createButton : null}
      />
      <TemplatesTabs active="sms" />
      <div role="group" aria-label="Show" className="mb-4 flex gap-1 text-sm">
        {[false, true].map((value) => (
          <button
            key={String(value)}
            type="button"
            aria-pressed={archived === value}
            onClick={() => setArchived(value)}
            className={cn(
              "rounded-md px-3 py-1.5 font-medium",
              archived === value ? "bg-brand-50 text-brand-700" : "text-slate-500 hover:bg-slate-100 hover:text-slate-800",
            )}
          >
            {value ? "Archived" : "Active"}
          </button>
        ))}
      </div>
      <ListTable
        query={templates}
        label="SMS templates"
        columns={["Template", "Route", "Updated"]}
        empty={
          archived ? (
            <EmptyState icon={<SmsIcon />} title="Nothing archived" description="Templates you archive wait here, and can be restored." />
          ) : (
            <EmptyState
              icon={<SmsIcon />}
              title="No SMS templates yet"
              description="Write a text message once, with the contact's name or any attribute merged in, and see its segments and cost before it goes out."
              action={createButton}
            />
          )
        }
      >
        {(rows) =>
          rows.map((template) => (
            <TableRow key={template.id} className="relative">
              <TableCell className="w-full max-w-0">
                <Link
                  href={`/templates/sms/${template.id}`}
                  className="block truncate font-medium text-slate-900 after:absolute after:inset-0 hover:text-brand-700"
                >
                  {template.name}
                </Link>
                <p className="truncate text-slate-500">{template.body || "Empty message"}</p>
              </TableCell>
              <TableCell className="whitespace-nowrap text-slate-600">{template.routeName ?? "None"}</TableCell>
              <TableCell className="whitespace-nowrap text-slate-500">{formatDate(template.updatedAt)}</TableCell>
            </TableRow>
          ))
        }
      </ListTable>
      {canEdit && (
        <CreateSmsTemplateDialog
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            void queryClient.invalidateQueries({ queryKey: trpc.smsTemplates.list.pathKey() });
            router.push(`/templates/sms/${id}`);
          }}
        />
      )}
    </>
  );
}
