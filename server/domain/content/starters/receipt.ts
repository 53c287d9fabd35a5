import { starterFooter, starterHead, starterImage, starterTopBar, starterWordmark, type StarterTheme } from "./starter-parts";

const theme: StarterTheme = {
  canvas: "#F3F4F6",
  accent: "#047857",
  accentSoft: "#ECFDF5",
  ink: "#111827",
  body: "#374151",
  muted: "#6B7280",
  rule: "#E5E7EB",
};

/** Small caps labels above a value, as the eyebrow style but inside raw HTML. */
const labelStyle = `font-size: 12px; line-height: 16px; letter-spacing: 1.5px; text-transform: uppercase; font-weight: 700; color: ${theme.muted}; padding-bottom: 8px;`;
const cell = `font-size: 16px; line-height: 22px; color: ${theme.ink};`;
const totalRow = (label: string, value: string) =>
  `<tr><td style="padding: 4px 0; ${cell} color: ${theme.muted};">${label}</td><td align="right" style="padding: 4px 0; ${cell} white-space: nowrap;">${value}</td></tr>`;

/** Three steps of an order; the first is done. Plain table cells, so every client keeps the bar. */
const progress = `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse: separate; border-spacing: 4px 0;">
              <tr>
                <td width="33%" style="height: 6px; line-height: 6px; font-size: 0; border-radius: 3px; background-color: ${theme.accent};">&nbsp;</td>
                <td width="33%" style="height: 6px; line-height: 6px; font-size: 0; border-radius: 3px; background-color: ${theme.rule};">&nbsp;</td>
                <td width="33%" style="height: 6px; line-height: 6px; font-size: 0; border-radius: 3px; background-color: ${theme.rule};">&nbsp;</td>
              </tr>
              <tr>
                <td style="padding-top: 8px; font-size: 12px; line-height: 16px; font-weight: 700; color: ${theme.accent};">Confirmed</td>
                <td align="center" style="padding-top: 8px; font-size: 12px; line-height: 16px; color: ${theme.muted};">Shipped</td>
                <td align="right" style="padding-top: 8px; font-size: 12px; line-height: 16px; color: ${theme.muted};">Delivered</td>
              </tr>
            </table>`;

/**
 * An order confirmation sent from an event trigger: the event's properties fill it. Expected shape:
 * `{ order_id, items: [{ name, quantity?, price }], subtotal?, shipping?, tax?, total, order_url?, shipping_address? }`
 * with amounts already formatted (`"$24.00"`), since only the shop knows its currency and rounding.
 */
export const receiptMjml = `<mjml lang="en">
  ${starterHead(theme)}
  <mj-body background-color="${theme.canvas}" width="600px">
    ${starterTopBar(theme)}
    ${starterWordmark(theme)}
    <mj-wrapper background-color="#FFFFFF" border-radius="16px" padding="40px 0 8px">
      <mj-section>
        <mj-column>
          <mj-image src="${starterImage("receipt-check.png")}" alt="" width="48px" padding="0 32px 20px" />
          <mj-text mj-class="h1" css-class="h1" align="center">Thanks for your order!</mj-text>
          <mj-text align="center" padding="0 48px 24px">Hi {{ contact.first_name | default: "there" }}, we have received your order and are getting it ready. We will email you again as soon as it ships.</mj-text>
          <mj-text padding="0 32px 32px">
            ${progress}
          </mj-text>
        </mj-column>
      </mj-section>
      <mj-section padding="0 32px 24px">
        <mj-column border="1px solid ${theme.rule}" border-radius="12px" padding="20px 0 12px">
          <mj-text padding="0 24px 12px">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
              <tr>
                <td style="font-size: 12px; line-height: 16px; letter-spacing: 1.5px; text-transform: uppercase; font-weight: 700; color: ${theme.muted};">Order summary</td>
                <td align="right" style="font-size: 14px; line-height: 16px; font-weight: 700; color: ${theme.ink}; white-space: nowrap;">#{{ event.order_id }}</td>
              </tr>
            </table>
          </mj-text>
          <mj-text padding="0 24px">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse: collapse;">
              {% for item in event.items %}
              <tr>
                <td style="padding: 14px 16px 14px 0; border-top: 1px solid ${theme.rule}; ${cell}">
                  <strong>{{ item.name }}</strong><br />
                  <span style="font-size: 14px; color: ${theme.muted};">Qty {{ item.quantity | default: 1 }}</span>
                </td>
                <td align="right" valign="top" style="padding: 14px 0; border-top: 1px solid ${theme.rule}; ${cell} white-space: nowrap;">{{ item.price }}</td>
              </tr>
              {% endfor %}
            </table>
          </mj-text>
          <mj-text padding="0 24px">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse: collapse; border-top: 1px solid ${theme.rule};">
              <tr><td colspan="2" style="height: 8px; line-height: 8px; font-size: 0;">&nbsp;</td></tr>
              {% if event.subtotal %}${totalRow("Subtotal", "{{ event.subtotal }}")}{% endif %}
              {% if event.shipping %}${totalRow("Shipping", "{{ event.shipping }}")}{% endif %}
              {% if event.tax %}${totalRow("Tax", "{{ event.tax }}")}{% endif %}
              <tr>
                <td style="padding: 12px 0 4px; font-size: 18px; line-height: 26px; font-weight: 800; color: ${theme.ink};">Total</td>
                <td align="right" style="padding: 12px 0 4px; font-size: 18px; line-height: 26px; font-weight: 800; color: ${theme.ink}; white-space: nowrap;">{{ event.total }}</td>
              </tr>
            </table>
          </mj-text>
        </mj-column>
      </mj-section>
      <mj-section>
        <mj-column>
          <mj-button href="{{ event.order_url | default: 'https://example.com/account/orders' }}" align="center">View your order</mj-button>
        </mj-column>
      </mj-section>
      <mj-section padding="0 16px 16px">
        <mj-column padding="0 0 16px">
          <mj-text padding="0 16px">
            {% if event.shipping_address %}
            <div style="${labelStyle}">Shipping to</div>
            <div style="font-size: 14px; line-height: 22px; color: ${theme.body}; white-space: pre-line;">{{ event.shipping_address }}</div>
            {% else %}
            <div style="${labelStyle}">Receipt sent to</div>
            <div style="font-size: 14px; line-height: 22px; color: ${theme.body};">{{ contact.email }}</div>
            {% endif %}
          </mj-text>
        </mj-column>
        <mj-column padding="0 0 16px">
          <mj-text padding="0 16px">
            <div style="${labelStyle}">Need help?</div>
            <div style="font-size: 14px; line-height: 22px; color: ${theme.body};">Reply to this email and our team will get back to you within one business day.</div>
          </mj-text>
        </mj-column>
      </mj-section>
    </mj-wrapper>
    ${starterFooter(theme, "You are receiving this because you placed an order with {{ workspace.name }}.")}
  </mj-body>
</mjml>`;
