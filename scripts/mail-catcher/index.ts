import { SMTPServer } from "smtp-server";
import { storeCaughtMessage } from "@/server/domain/outbox/store-caught-message";
import { logger } from "@/server/logger";
import { startProcess } from "@/server/process/lifecycle";
import { startMailViewer } from "./viewer";

/**
 * The local mail catcher: an SMTP sink on loopback that keeps everything Herald sends on a single box
 * (the default smarthost), shown in the app's Outbox and in a small viewer for the app's own mail.
 */
const main = async () => {
  const { onStop } = await startProcess("mail");
  const host = process.env.MAIL_CATCHER_HOST ?? "127.0.0.1";
  const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025);

  const server = new SMTPServer({
    name: "herald-mail-catcher",
    banner: "Herald local mail catcher (nothing leaves this machine)",
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    size: 50 * 1024 * 1024,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const envelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          recipients: session.envelope.rcptTo.map((r) => r.address),
        };
        storeCaughtMessage({ raw: Buffer.concat(chunks), envelope })
          .then((stored) => {
            logger.info({ to: envelope.recipients, workspaceId: stored.workspaceId }, `caught "${stored.subject}"`);
            callback();
          })
          // A 4xx makes the sender keep the message and retry, so nothing is lost while the DB is down.
          .catch((error) => {
            logger.error({ err: error }, "could not store caught message");
            callback(Object.assign(new Error("4.3.0 Could not store the message, try again"), { responseCode: 451 }));
          });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(smtpPort, host, () => resolve());
  });
  onStop(() => new Promise<void>((resolve) => server.close(() => resolve())));
  logger.info({ host, port: smtpPort }, "mail catcher accepting SMTP");

  const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080);
  if (httpPort > 0) {
    const viewer = await startMailViewer({ host, port: httpPort });
    onStop(() => new Promise((resolve) => viewer.close(resolve)));
    logger.info({ url: `http://${host}:${httpPort}` }, "mail viewer listening");
  }
};

main().catch((error) => {
  logger.fatal({ err: error }, "mail catcher failed to start");
  process.exit(1);
});
