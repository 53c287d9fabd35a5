import { starterFooter, starterHead, starterImage, starterTopBar, starterWordmark, type StarterTheme } from "./starter-parts";

const theme: StarterTheme = {
  canvas: "#F5F3FF",
  accent: "#6D28D9",
  accentSoft: "#EDE9FE",
  ink: "#1E1B2E",
  body: "#3F3B4F",
  muted: "#6B6880",
  rule: "#E9E5F5",
};

/** A line of news with a small tinted marker; a table so the marker stays beside the text on phones. */
const news = (title: string, text: string) => `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
              <tr>
                <td width="28" valign="top" style="padding-top: 7px;"><div style="width: 12px; height: 12px; line-height: 12px; font-size: 0; border-radius: 6px; background-color: ${theme.accent};">&nbsp;</div></td>
                <td>
                  <div style="font-size: 16px; line-height: 26px; font-weight: 700; color: ${theme.ink};">${title}</div>
                  <div style="font-size: 14px; line-height: 22px; color: ${theme.muted};">${text}</div>
                </td>
              </tr>
            </table>`;

/**
 * For contacts who have gone quiet: remind them what they are missing, give them a reason to come
 * back, and make leaving as easy as staying; a clean exit protects the list's reputation too.
 */
export const reEngagementMjml = `<mjml lang="en">
  ${starterHead(theme)}
  <mj-body background-color="${theme.canvas}" width="600px">
    ${starterTopBar(theme)}
    ${starterWordmark(theme)}
    <mj-wrapper background-color="#FFFFFF" border-radius="16px" padding="32px 0 8px">
      <mj-section>
        <mj-column>
          <mj-image src="${starterImage("reengage-hero.png")}" alt="A paper plane looping back" width="536px" border-radius="12px" padding="0 32px 32px" />
          <mj-text mj-class="eyebrow" align="center">It has been a while</mj-text>
          <mj-text mj-class="h1" css-class="h1" align="center">We miss you, {{ contact.first_name | default: "friend" }}</mj-text>
          <mj-text align="center" padding="0 48px 24px">We have not seen you in a little while, and a lot has changed since your last visit. Here is what you have been missing.</mj-text>
        </mj-column>
      </mj-section>
      <mj-section padding="0 32px 16px">
        <mj-column background-color="${theme.accentSoft}" border-radius="12px" padding="24px 0 8px">
          <mj-text padding="0 24px 16px">
            ${news("A faster, simpler dashboard", "Everything you use most is now one click away.")}
          </mj-text>
          <mj-text padding="0 24px 16px">
            ${news("New guides every week", "Practical tips from people who do the work every day.")}
          </mj-text>
          <mj-text padding="0 24px 16px">
            ${news("A community of 20,000 members", "Swap ideas, ask questions and share what you have built.")}
          </mj-text>
        </mj-column>
      </mj-section>
      <mj-section padding="16px 0 0">
        <mj-column>
          <mj-text mj-class="h2" css-class="h2" align="center">Here is 20% off to welcome you back</mj-text>
          <mj-text align="center" padding="0 48px 16px">Use the code below on anything in the next 14 days. No strings attached.</mj-text>
          <mj-text align="center" padding="0 32px 16px">
            <span style="display: inline-block; padding: 10px 24px; border: 2px dashed ${theme.accent}; border-radius: 8px; font-size: 22px; line-height: 30px; font-weight: 800; letter-spacing: 3px; color: ${theme.accent};">COMEBACK20</span>
          </mj-text>
          <mj-button href="https://example.com/welcome-back" align="center">Come back and explore</mj-button>
          <mj-divider />
          <mj-text mj-class="h3" align="center">Not for you anymore?</mj-text>
          <mj-text align="center" mj-class="small" padding="0 48px 16px">No hard feelings. Choose fewer emails, or only the topics you care about. If you would rather hear nothing at all, you can <a href="{{ unsubscribe_url }}" style="color: ${theme.muted}; text-decoration: underline;">unsubscribe here</a>.</mj-text>
          <mj-button href="{{ preferences_url }}" align="center" mj-class="ghost">Update my preferences</mj-button>
        </mj-column>
      </mj-section>
    </mj-wrapper>
    ${starterFooter(theme, "You are receiving this because you have an account with {{ workspace.name }}.")}
  </mj-body>
</mjml>`;
