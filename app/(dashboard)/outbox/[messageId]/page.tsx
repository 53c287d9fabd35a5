import type { Metadata } from "next";
import { OutboxMessage } from "../_components/outbox-message";

export const metadata: Metadata = { title: "Outbox message" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ messageId: string }> }) {
  const { messageId } = await params;
  return <OutboxMessage messageId={messageId} />;
}
