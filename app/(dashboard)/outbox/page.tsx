import type { Metadata } from "next";
import { OutboxTable } from "./_components/outbox-table";

export const metadata: Metadata = { title: "Outbox" };

export default function OutboxPage() {
  return <OutboxTable />;
}
