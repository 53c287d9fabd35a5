import { simpleParser } from "mailparser";
import { eq } from "drizzle-orm";
import { caughtMessages, workspaces } from "@/drizzle/schema";
import { db } from "@/server/db/client";

export const WORKSPACE_HEADER = "x-herald-workspace";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CaughtEnvelope = { mailFrom: string; recipients: string[] };

/** Stores one message received by the local mail catcher, attributed to the workspace that sent it. */
export const storeCaughtMessage = async ({ raw, envelope }: { raw: Buffer; envelope: CaughtEnvelope }) => {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const header = parsed.headers.get(WORKSPACE_HEADER);
  const claimed = typeof header === "string" && UUID.test(header.trim()) ? header.trim() : null;
  // Only trust a workspace id that exists, so a stray header cannot break the insert.
  const workspaceId = claimed
    ? ((await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, claimed)))[0]?.id ?? null)
    : null;

  const [row] = await db
    .insert(caughtMessages)
    .values({
      workspaceId,
      mailFrom: envelope.mailFrom,
      recipients: envelope.recipients.map((r) => r.toLowerCase()),
      subject: parsed.subject ?? "",
      messageId: parsed.messageId ?? null,
      text: parsed.text ?? null,
      html: typeof parsed.html === "string" ? parsed.html : null,
      raw: raw.toString("utf8"),
      sizeBytes: raw.length,
    })
    .returning({ id: caughtMessages.id, subject: caughtMessages.subject, workspaceId: caughtMessages.workspaceId });
  return row!;
};
