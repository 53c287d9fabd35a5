import type { Metadata } from "next";
import { ListsIcon } from "@/components/shell/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Lists" };

export default function ListsPage() {
  return (
    <>
      <PageHeader title="Lists" description="Hand-picked groups of contacts that people subscribe to." />
      <EmptyState
        icon={<ListsIcon />}
        title="No lists yet"
        description="Lists are groups of contacts people join through sign-up forms, imports or the API, such as “Newsletter” or “Product updates”."
      />
    </>
  );
}
