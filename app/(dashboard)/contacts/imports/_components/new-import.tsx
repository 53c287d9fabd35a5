"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/trpc-errors";
import { MappingForm, type CountryOption } from "./mapping-form";
import { UploadForm } from "./upload-form";

/** Upload, then map the columns; Start takes you to the import's own page to watch it run. */
export function NewImport({ countries }: { countries: CountryOption[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [importId, setImportId] = useState<string | null>(null);
  const detail = useQuery({ ...trpc.imports.get.queryOptions({ importId: importId ?? "" }), enabled: Boolean(importId) });

  return (
    <>
      <PageHeader
        title="Import contacts"
        description={importId ? "Step 2 of 2: match the columns and choose what happens to contacts you already have." : "Step 1 of 2: upload a CSV file."}
      />
      {!importId ? (
        <UploadForm onUploaded={setImportId} />
      ) : detail.isLoading ? (
        <Skeleton className="h-64 w-full" />
      ) : detail.error || !detail.data ? (
        <Alert tone="error">{errorMessage(detail.error)}</Alert>
      ) : (
        <MappingForm detail={detail.data} countries={countries} onStarted={() => router.push(`/contacts/imports/${importId}`)} />
      )}
    </>
  );
}
