import type { SystemEmail } from "@/server/domain/system-mail/enqueue-system-email";

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const layout = (body: string) =>
  `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:24px auto">${body}<p style="color:#888;font-size:12px">Sent by Herald</p></body></html>`;

export const passwordResetEmail = ({ to, name, url }: { to: string; name: string; url: string }): SystemEmail => ({
  to,
  subject: "Reset your Herald password",
  text: `Hi ${name},\n\nSomeone asked to reset the password of your Herald account. Open this link within an hour to choose a new one:\n\n${url}\n\nIf it was not you, ignore this email; your password stays as it is.`,
  html: layout(
    `<p>Hi ${escapeHtml(name)},</p><p>Someone asked to reset the password of your Herald account. Open this link within an hour to choose a new one:</p><p><a href="${escapeHtml(url)}">Reset my password</a></p><p>If it was not you, ignore this email; your password stays as it is.</p>`,
  ),
});

export const invitationEmail = (input: {
  to: string;
  workspaceName: string;
  inviterName: string;
  role: string;
  url: string;
}): SystemEmail => ({
  to: input.to,
  subject: `${input.inviterName} invited you to ${input.workspaceName} on Herald`,
  text: `${input.inviterName} invited you to join the workspace "${input.workspaceName}" on Herald as ${input.role}.\n\nAccept the invitation (valid for 7 days):\n${input.url}\n`,
  html: layout(
    `<p>${escapeHtml(input.inviterName)} invited you to join the workspace <b>${escapeHtml(input.workspaceName)}</b> on Herald as <b>${escapeHtml(input.role)}</b>.</p><p><a href="${escapeHtml(input.url)}">Accept the invitation</a> (valid for 7 days)</p>`,
  ),
});
