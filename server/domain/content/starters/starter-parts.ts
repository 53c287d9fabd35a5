/**
 * The pieces every starter shares: one type scale, one spacing rhythm, one footer. Each design only
 * picks its colours, so the gallery reads as one family and a fix to the footer reaches all of them.
 * The output is plain MJML: once a workspace copies a starter, the template owns its own copy.
 */
export type StarterTheme = {
  /** Page background around the white card. */
  canvas: string;
  /** Buttons, links, eyebrows. */
  accent: string;
  /** Tints behind callouts. */
  accentSoft: string;
  /** Headings. */
  ink: string;
  /** Body copy. */
  body: string;
  /** Captions, footer. */
  muted: string;
  /** Hairlines. */
  rule: string;
};

/**
 * System fonts only: web fonts do not load in most clients and would fetch from outside when offline.
 * No Roboto, Open Sans, Lato or Ubuntu here: MJML adds a Google Fonts import whenever one is named.
 */
const FONT_STACK = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";

/** Images ship with Herald under public/starter-images, so `app_url` resolves them on any install. */
export const starterImage = (file: string) => `{{ app_url }}/starter-images/${file}`;

/**
 * Type scale 12 / 14 / 16 / 18 / 22 / 32 px (40 for a sale's headline); spacing in steps of 8. Headline sizes step down on phones
 * through css-class, because mj-class attributes are inlined and cannot carry a media query.
 */
export const starterHead = (t: StarterTheme) => `<mj-head>
    <mj-attributes>
      <mj-all font-family="${FONT_STACK}" />
      <mj-section padding="0" />
      <mj-column padding="0" />
      <mj-text font-size="16px" line-height="26px" color="${t.body}" padding="0 32px 16px" />
      <mj-image padding="0" />
      <mj-button background-color="${t.accent}" color="#FFFFFF" font-size="16px" font-weight="700" line-height="20px" inner-padding="14px 28px" border-radius="8px" padding="8px 32px 24px" />
      <mj-divider border-color="${t.rule}" border-width="1px" padding="8px 32px 32px" />
      <mj-class name="eyebrow" font-size="12px" line-height="16px" letter-spacing="1.5px" text-transform="uppercase" font-weight="700" color="${t.accent}" padding="0 32px 8px" />
      <mj-class name="display" font-size="40px" line-height="46px" font-weight="800" letter-spacing="-1px" color="${t.ink}" padding="0 32px 16px" />
      <mj-class name="h1" font-size="32px" line-height="40px" font-weight="800" color="${t.ink}" padding="0 32px 16px" />
      <mj-class name="h2" font-size="22px" line-height="30px" font-weight="700" color="${t.ink}" padding="0 32px 12px" />
      <mj-class name="h3" font-size="18px" line-height="26px" font-weight="700" color="${t.ink}" padding="0 32px 8px" />
      <mj-class name="small" font-size="14px" line-height="22px" color="${t.muted}" />
      <mj-class name="ghost" background-color="#FFFFFF" color="${t.accent}" border="2px solid ${t.accent}" inner-padding="12px 26px" />
    </mj-attributes>
    <mj-style inline="inline">
      a { color: ${t.accent}; }
    </mj-style>
    <mj-style>
      @media only screen and (max-width: 480px) {
        .display div { font-size: 30px !important; line-height: 36px !important; }
        .h1 div { font-size: 26px !important; line-height: 34px !important; }
        .h2 div { font-size: 20px !important; line-height: 28px !important; }
      }
    </mj-style>
  </mj-head>`;

/** The "view in browser" line above the card. */
export const starterTopBar = (t: StarterTheme) => `<mj-section padding="16px 0 8px">
      <mj-column>
        <mj-text align="center" font-size="12px" line-height="18px" color="${t.muted}" padding="0 32px">
          Having trouble reading this? <a href="{{ view_in_browser_url }}" style="color: ${t.muted}; text-decoration: underline;">View it in your browser</a>
        </mj-text>
      </mj-column>
    </mj-section>`;

/** The workspace's name as a wordmark: every workspace has a name, not every one has a logo. */
export const starterWordmark = (t: StarterTheme, align: "left" | "center" = "center") => `<mj-section padding="16px 0 24px">
      <mj-column>
        <mj-text align="${align}" font-size="22px" line-height="28px" font-weight="800" letter-spacing="-0.3px" color="${t.ink}" padding="0 32px">{{ workspace.name }}</mj-text>
      </mj-column>
    </mj-section>`;

/** Who sent this, where they are (a legal requirement for bulk mail in many places), and the way out. */
export const starterFooter = (t: StarterTheme, reason: string) => `<mj-section padding="32px 0 40px">
      <mj-column>
        <mj-text align="center" font-size="14px" line-height="22px" font-weight="700" color="${t.ink}" padding="0 32px 8px">{{ workspace.name }}</mj-text>
        <mj-text align="center" font-size="12px" line-height="20px" color="${t.muted}" padding="0 40px 16px">
          ${reason}<br />
          {{ workspace.postal_address }}
        </mj-text>
        <mj-text align="center" font-size="12px" line-height="20px" color="${t.muted}" padding="0 32px">
          <a href="{{ preferences_url }}" style="color: ${t.muted}; text-decoration: underline; white-space: nowrap;">Update your preferences</a>
          &nbsp;&middot;&nbsp;
          <a href="{{ unsubscribe_url }}" style="color: ${t.muted}; text-decoration: underline; white-space: nowrap;">Unsubscribe</a>
          &nbsp;&middot;&nbsp;
          <a href="{{ view_in_browser_url }}" style="color: ${t.muted}; text-decoration: underline; white-space: nowrap;">View in browser</a>
        </mj-text>
      </mj-column>
    </mj-section>`;
