import { SMTPServer } from "smtp-server";
import { authenticateSmtpCredentials } from "@/server/domain/relay/authenticate-smtp";
import { isAppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { counter, serveMetrics } from "@/server/metrics";
import { startProcess } from "@/server/process/lifecycle";

/**
 * The SMTP relay's front door. For now it authenticates customers (API key with the `smtp` scope)
 * and then answers 451 to mail: the durable spool and upstream forwarding come with the relay issue.
 * A 4xx (not 5xx) tells sending clients to keep the message and retry later rather than drop it.
 */
const main = async () => {
  const { onStop } = await startProcess("relay");
  const connections = counter("herald_relay_connections_total", "SMTP connections accepted");
  const authResults = counter("herald_relay_auth_total", "SMTP AUTH attempts", ["outcome"]);

  const server = new SMTPServer({
    name: process.env.RELAY_HOSTNAME ?? "herald-relay",
    banner: "Herald relay",
    authMethods: ["PLAIN", "LOGIN"],
    // TLS certificates are configured by the relay issue; until then AUTH is allowed in clear on this port.
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    size: 25 * 1024 * 1024,
    onConnect: (_session, callback) => {
      connections.inc();
      callback();
    },
    onAuth: (auth, _session, callback) => {
      authenticateSmtpCredentials({ username: auth.username ?? "", password: auth.password ?? "" })
        .then((principal) => {
          authResults.inc({ outcome: "ok" });
          callback(null, { user: principal });
        })
        .catch((error) => {
          authResults.inc({ outcome: "refused" });
          const message = isAppError(error) ? error.message : "Authentication temporarily unavailable";
          callback(Object.assign(new Error(message), { responseCode: isAppError(error) ? 535 : 454 }));
        });
    },
    onMailFrom: (_address, _session, callback) =>
      callback(Object.assign(new Error("4.3.2 Herald relay is not accepting mail yet; try again later"), { responseCode: 451 })),
  });

  const port = Number(process.env.RELAY_PORT ?? 2587);
  const host = process.env.RELAY_HOST ?? "0.0.0.0";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  server.on("error", (error) => logger.error({ err: error }, "relay server error"));
  onStop(() => new Promise<void>((resolve) => server.close(() => resolve())));
  logger.info({ port, host }, "relay listening (SMTP AUTH with an API key; delivery comes with the relay issue)");

  const metricsPort = Number(process.env.RELAY_METRICS_PORT ?? 9465);
  if (metricsPort > 0) {
    const metrics = await serveMetrics(metricsPort, process.env.METRICS_HOST ?? "127.0.0.1");
    if (metrics) onStop(() => new Promise((resolve) => metrics.close(resolve)));
  }
};

main().catch((error) => {
  logger.fatal({ err: error }, "relay failed to start");
  process.exit(1);
});
