"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { PhoneOffIcon, UploadIcon } from "@/components/audience/block-icons";
import { useTRPC } from "@/components/providers/trpc";
import { ArrowLeftIcon, PlusIcon, RefreshIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { formatDateTime, formatRelative } from "@/lib/format";
import { errorMessage } from "@/lib/trpc-errors";
import { DncLookup } from "./dnc-lookup";
import { intervalLabel, type CountryOption, type DncRegistry } from "./dnc-types";
import { RegistryDialog } from "./registry-dialog";
import { UploadNumbersDialog } from "./upload-numbers-dialog";

function When({ date, never = "Never" }: { date: Date | null; never?: string }) {
  if (!date) return <span className="text-slate-400">{never}</span>;
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date)}>
      {formatRelative(date)}
    </time>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 truncate text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function RegistryCard({
  registry,
  canEdit,
  onEdit,
  onUpload,
  onDelete,
}: {
  registry: DncRegistry;
  canEdit: boolean;
  onEdit: () => void;
  onUpload: () => void;
  onDelete: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useMutation(
    trpc.dnc.refresh.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.dnc.list.queryKey() }) }),
  );
  // An error newer than the last good refresh is the one that matters; older ones were fixed since.
  const failing =
    registry.lastError && (!registry.lastRefreshedAt || (registry.lastAttemptAt && registry.lastAttemptAt > registry.lastRefreshedAt));
  const pending = registry.refreshPending || refresh.isPending;

  return (
    <Card aria-label={`${registry.countryName} register`} role="region">
      <CardHeader className="flex flex-col gap-3 space-y-0 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <h2 className="flex items-center gap-2 text-base font-semibold text-slate-900">
            {registry.countryName}
            <Badge className="font-mono">{registry.country}</Badge>
          </h2>
          <p className="truncate text-sm text-slate-500">{registry.name}</p>
        </div>
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            {registry.sourceUrl && (
              <Button variant="secondary" size="sm" pending={pending} onClick={() => refresh.mutate({ registryId: registry.id })}>
                {!pending && <RefreshIcon className="size-4" />}
                {pending ? "Refreshing…" : "Refresh now"}
              </Button>
            )}
            <Button variant="secondary" size="sm" onClick={onUpload}>
              <UploadIcon className="size-4" />
              Upload numbers
            </Button>
            <Button variant="ghost" size="sm" onClick={onEdit}>
              Edit
            </Button>
            <Button variant="danger-ghost" size="sm" onClick={onDelete} aria-label={`Delete the ${registry.countryName} register`}>
              Delete
            </Button>
          </div>
        )}
      </CardHeader>
      <div className="space-y-4 px-5 py-4 sm:px-6">
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Fact label="Numbers in force">
            <span className="tabular-nums">{registry.numberCount.toLocaleString()}</span>
          </Fact>
          <Fact label="Last refreshed">
            <When date={registry.lastRefreshedAt} />
          </Fact>
          <Fact label="Source">
            {registry.sourceUrl ? (
              <span className="font-mono text-[13px]" title={registry.sourceUrl}>
                {registry.sourceUrl}
              </span>
            ) : (
              <span className="text-slate-500">Uploaded files</span>
            )}
          </Fact>
          <Fact label="Schedule">{intervalLabel(registry.refreshIntervalHours)}</Fact>
        </dl>
        {registry.refreshPending && (
          <p className="flex items-center gap-2 text-sm text-brand-700" role="status">
            <Spinner /> Downloading the list in the background; the current list stays in force until the new one has fully loaded.
          </p>
        )}
        {refresh.error && <Alert tone="error">{errorMessage(refresh.error)}</Alert>}
        {failing && (
          <Alert tone="error" title="The last refresh failed">
            <p>
              <When date={registry.lastAttemptAt} />: {registry.lastError}
            </p>
            <p className="mt-1">
              {registry.lastRefreshedAt
                ? `The list loaded ${formatRelative(registry.lastRefreshedAt)} (${registry.numberCount.toLocaleString()} numbers) stays in force.`
                : "No list is in force yet."}
            </p>
          </Alert>
        )}
      </div>
    </Card>
  );
}

export function DncRegisters({ canEdit, countries }: { canEdit: boolean; countries: CountryOption[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const registries = useQuery({
    ...trpc.dnc.list.queryOptions(),
    // While a refresh runs in the worker, watch for its outcome.
    refetchInterval: (query) => (query.state.data?.some((registry) => registry.refreshPending) ? 2000 : false),
  });
  const remove = useMutation(trpc.dnc.delete.mutationOptions());
  const [editing, setEditing] = useState<DncRegistry | "new" | null>(null);
  const [uploading, setUploading] = useState<DncRegistry | null>(null);
  const [deleting, setDeleting] = useState<DncRegistry | null>(null);
  const reload = () => queryClient.invalidateQueries({ queryKey: trpc.dnc.pathKey() });
  const taken = new Set((registries.data ?? []).map((registry) => registry.country));

  const addButton = canEdit && (
    <Button onClick={() => setEditing("new")}>
      <PlusIcon className="size-4" />
      Add a register
    </Button>
  );

  return (
    <>
      <Link href="/sms" className="mb-3 inline-flex items-center gap-1.5 text-sm text-slate-500 hover:text-slate-800">
        <ArrowLeftIcon className="size-4" />
        SMS
      </Link>
      <PageHeader
        title="Do-Not-Call registers"
        description="Numbers on a country's Do-Not-Call register (such as Hong Kong's UEMS register) never get marketing text messages from this workspace. Transactional messages are not affected."
        actions={registries.data?.length ? addButton : undefined}
      />

      {registries.isLoading ? (
        <Card className="space-y-3 p-6">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-4 w-72" />
        </Card>
      ) : registries.error ? (
        <Alert tone="error">{errorMessage(registries.error)}</Alert>
      ) : !registries.data?.length ? (
        <EmptyState
          icon={<PhoneOffIcon />}
          title="No Do-Not-Call registers yet"
          description="Add one per country you text: give its download URL to refresh it on a schedule, or upload the file of numbers yourself."
          action={addButton || undefined}
        />
      ) : (
        <div className="space-y-6">
          <DncLookup countries={countries} />
          {registries.data.map((registry) => (
            <RegistryCard
              key={registry.id}
              registry={registry}
              canEdit={canEdit}
              onEdit={() => setEditing(registry)}
              onUpload={() => setUploading(registry)}
              onDelete={() => setDeleting(registry)}
            />
          ))}
        </div>
      )}

      {canEdit && (
        <>
          <RegistryDialog
            registry={editing === "new" ? null : editing}
            open={editing !== null}
            onClose={() => setEditing(null)}
            countries={countries.filter((country) => editing !== "new" || !taken.has(country.code))}
            onSaved={reload}
          />
          <UploadNumbersDialog registry={uploading} onClose={() => setUploading(null)} onLoaded={reload} />
          <ConfirmDialog
            open={deleting !== null}
            onClose={() => {
              setDeleting(null);
              remove.reset();
            }}
            title={`Delete the ${deleting?.countryName ?? ""} register?`}
            description={`Its ${deleting?.numberCount.toLocaleString() ?? 0} numbers are deleted with it, and marketing texts to ${deleting?.countryName ?? "that country"} are no longer checked against a Do-Not-Call list.`}
            confirmLabel="Delete register"
            pending={remove.isPending}
            error={remove.error ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
            onConfirm={() =>
              deleting &&
              remove.mutate(
                { registryId: deleting.id },
                {
                  onSuccess: async () => {
                    setDeleting(null);
                    await reload();
                  },
                },
              )
            }
          />
        </>
      )}
    </>
  );
}
