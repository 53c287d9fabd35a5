/**
 * What a new blank template starts with, per editor: something that already sends well (a greeting,
 * a footer with the workspace's address and the unsubscribe link), not an empty page.
 */
export const BLANK_MJML = `<mjml>
  <mj-head>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="24px" color="#1f2937" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6">
    <mj-section background-color="#ffffff" padding="32px 24px">
      <mj-column>
        <mj-text font-size="24px" font-weight="700">Hello {{ contact.first_name | default: "there" }}</mj-text>
        <mj-text>Write your message here.</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="16px 24px">
      <mj-column>
        <mj-text font-size="12px" color="#6b7280" align="center">{{ workspace.name }} · {{ workspace.postal_address }}<br />
          <a href="{{ preferences_url }}" style="color:#6b7280">Preferences</a> · <a href="{{ unsubscribe_url }}" style="color:#6b7280">Unsubscribe</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

export const BLANK_LETTER_HTML = `<p>Hello {{ contact.first_name | default: "there" }},</p>
<p>Write your message here.</p>
<p>Best regards,<br>{{ workspace.name }}</p>`;

export const blankSource = (editor: "visual" | "code" | "rich_text") =>
  editor === "rich_text" ? { sourceFormat: "html" as const, source: BLANK_LETTER_HTML } : { sourceFormat: "mjml" as const, source: BLANK_MJML };
