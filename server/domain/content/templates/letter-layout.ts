/**
 * The rich-text editor writes a letter's body only; this wraps it in a document that reads well in
 * every client (a centred 600px column, system fonts) and carries the footer the law asks for.
 * A source that is already a full HTML document (written in the code editor) is left as it is.
 */
export const wrapLetter = (body: string): { html: string; lineOffset: number } => {
  if (/<html[\s>]/i.test(body)) return { html: body, lineOffset: 0 };
  // A letter that already has its own unsubscribe link does not get a second one.
  const links = body.includes("unsubscribe_url")
    ? ""
    : `<br><a href="{{ preferences_url }}">Preferences</a> · <a href="{{ unsubscribe_url }}">Unsubscribe</a>`;
  const html = `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; padding: 0; background: #ffffff; }
  .letter { max-width: 600px; margin: 0 auto; padding: 24px; font-family: -apple-system, Segoe UI, Helvetica, Arial, sans-serif; font-size: 16px; line-height: 1.6; color: #1f2937; }
  .letter a { color: #2563eb; }
  .letter img { max-width: 100%; height: auto; }
  .footer { max-width: 600px; margin: 0 auto; padding: 16px 24px 32px; font-family: Helvetica, Arial, sans-serif; font-size: 12px; color: #6b7280; border-top: 1px solid #e5e7eb; }
  .footer a { color: #6b7280; }
</style>
</head>
<body>
<div class="letter">
${body}
</div>
<div class="footer">{{ workspace.name }} · {{ workspace.postal_address }}${links}</div>
</body>
</html>`;
  return { html, lineOffset: html.slice(0, html.indexOf(body)).split("\n").length - 1 };
};
