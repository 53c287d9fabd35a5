import { createServer, type Server } from "node:http";
import { findCaughtMessage, listAllCaughtMessages } from "@/server/domain/outbox/list-caught-messages";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const page = (title: string, body: string) =>
  `<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#111}table{border-collapse:collapse;width:100%}td,th{padding:6px 8px;border-bottom:1px solid #e5e7eb;text-align:left}a{color:#3d55d6}pre{white-space:pre-wrap;background:#f8fafc;padding:12px;border-radius:6px}</style>
<h1>${escapeHtml(title)}</h1>${body}`;

/** Links in the text part become clickable (reset and invitation links); the text is escaped first. */
const linkify = (escaped: string) => escaped.replace(/https?:\/\/[^\s<"]+/g, (url) => `<a href="${url}">${url}</a>`);

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * A read-only page of what the catcher received, for the app's own mail (password resets,
 * invitations) that a signed-out person cannot see in the Outbox. Text only: HTML bodies are shown
 * as source, so nothing in a caught message runs here.
 */
export const startMailViewer = ({ host, port }: { host: string; port: number }): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer(async (request, response) => {
      try {
        const url = new URL(request.url ?? "/", `http://${host}`);
        const id = url.pathname.slice(1);
        if (url.pathname === "/") {
          const rows = await listAllCaughtMessages();
          const body = rows.length
            ? `<table><tr><th>Received</th><th>To</th><th>Subject</th></tr>${rows
                .map(
                  (m) =>
                    `<tr><td>${m.receivedAt.toISOString()}</td><td>${escapeHtml(m.recipients.join(", "))}</td><td><a href="/${m.id}">${escapeHtml(m.subject || "(no subject)")}</a></td></tr>`,
                )
                .join("")}</table>`
            : "<p>Nothing caught yet. Everything Herald sends on this machine lands here.</p>";
          response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page("Herald mail catcher", body));
          return;
        }
        const message = UUID.test(id) ? await findCaughtMessage(id) : null;
        if (!message) {
          response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
          return;
        }
        const body = `<p><a href="/">&larr; all mail</a></p><p><b>From:</b> ${escapeHtml(message.mailFrom)}<br><b>To:</b> ${escapeHtml(message.recipients.join(", "))}</p><h2>Text</h2><pre>${linkify(escapeHtml(message.text ?? ""))}</pre><h2>Raw</h2><pre>${escapeHtml(message.raw)}</pre>`;
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(message.subject || "(no subject)", body));
      } catch (error) {
        response.writeHead(500, { "content-type": "text/plain" }).end(`error: ${(error as Error).message}\n`);
      }
    });
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
