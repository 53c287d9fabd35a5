import type { Metadata } from "next";
import { ContactsIcon } from "@/components/shell/icons";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Contacts" };

export default function ContactsPage() {
  return (
    <>
      <PageHeader title="Contacts" description="The people you send to, with their attributes and consent." />
      <EmptyState
        icon={<ContactsIcon />}
        title="No contacts yet"
        description="Import contacts from a CSV file or add them through the API; each one keeps its attributes, consent and activity."
      />
    </>
  );
}
