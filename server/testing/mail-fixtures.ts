import { randomUUID } from "node:crypto";
import { storeCaughtMessage } from "@/server/domain/outbox/store-caught-message";

export type TestMailOptions = { to: string; subject: string; from?: string; workspaceId?: string; text?: string };

/** An RFC 5322 message as Herald's senders produce it; `workspaceId` becomes the X-Herald-Workspace stamp. */
export const rawTestMail = ({ to, subject, from = "sender@herald.test", workspaceId, text = "Hello" }: TestMailOptions) =>
  Buffer.from(
    [
      `From: ${from}`,
      `To: ${to}`,
      `Subject: ${subject}`,
      `Message-ID: <${randomUUID()}@herald.test>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      ...(workspaceId ? [`X-Herald-Workspace: ${workspaceId}`] : []),
      "",
      text,
      "",
    ].join("\r\n"),
  );

/** A message as the local mail catcher would have received and stored it. */
export const catchTestMail = (options: TestMailOptions) =>
  storeCaughtMessage({
    raw: rawTestMail(options),
    envelope: { mailFrom: options.from ?? "sender@herald.test", recipients: [options.to] },
  });
