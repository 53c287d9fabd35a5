import { starterFooter, starterHead, starterImage, starterTopBar, starterWordmark, type StarterTheme } from "./starter-parts";

const theme: StarterTheme = {
  canvas: "#F1F3FB",
  accent: "#4F46E5",
  accentSoft: "#EEF2FF",
  ink: "#111827",
  body: "#374151",
  muted: "#6B7280",
  rule: "#E5E7EB",
};

/** A number in a tinted circle: table-free so it survives the visual builder, square in Outlook, round elsewhere. */
const stepBadge = (n: number) =>
  `<div style="display: inline-block; width: 36px; height: 36px; line-height: 36px; border-radius: 18px; background-color: ${theme.accentSoft}; color: ${theme.accent}; font-size: 16px; font-weight: 800; text-align: center;">${n}</div>`;

const step = (n: number, title: string, text: string) => `<mj-column padding="0 0 24px">
          <mj-text padding="0 16px 12px">${stepBadge(n)}</mj-text>
          <mj-text mj-class="h3" padding="0 16px 8px">${title}</mj-text>
          <mj-text mj-class="small" padding="0 16px">${text}</mj-text>
        </mj-column>`;

/** The first mail after sign-up: a warm hello, one clear first step, then three things to try. */
export const welcomeMjml = `<mjml lang="en">
  ${starterHead(theme)}
  <mj-body background-color="${theme.canvas}" width="600px">
    ${starterTopBar(theme)}
    ${starterWordmark(theme)}
    <mj-wrapper background-color="#FFFFFF" border-radius="16px" padding="32px 0 8px">
      <mj-section>
        <mj-column>
          <mj-image src="${starterImage("welcome-hero.png")}" alt="An envelope with a welcome card" width="536px" border-radius="12px" padding="0 32px 32px" />
          <mj-text mj-class="eyebrow" align="center">Welcome aboard</mj-text>
          <mj-text mj-class="h1" css-class="h1" align="center">We are so glad you are here, {{ contact.first_name | default: "friend" }}</mj-text>
          <mj-text align="center" padding="0 48px 16px">Your account at {{ workspace.name }} is ready. It takes about five minutes to set things up, and we will be right here if you need a hand.</mj-text>
          <mj-button href="https://example.com/get-started" align="center">Get started</mj-button>
          <mj-divider />
          <mj-text mj-class="h2" css-class="h2" padding="0 32px 24px">Three steps to a great start</mj-text>
        </mj-column>
      </mj-section>
      <mj-section padding="0 16px 8px">
        ${step(1, "Complete your profile", "Add a photo and a few details so people know who they are talking to.")}
        ${step(2, "Invite your team", "Work is better together. Bring in a colleague or two in a couple of clicks.")}
        ${step(3, "Explore the guides", "Short, practical walkthroughs for everything you will do in week one.")}
      </mj-section>
      <mj-section padding="0 32px 32px">
        <mj-column background-color="${theme.accentSoft}" border-radius="12px" padding="20px 0 4px">
          <mj-text padding="0 24px 16px">You are on the <strong style="color: ${theme.ink};">{{ contact.attributes.plan | default: "Free" }}</strong> plan. Everything you need to begin is included, and you can change plans at any time. <a href="https://example.com/pricing" style="font-weight: 700; text-decoration: none;">Compare plans &rarr;</a></mj-text>
        </mj-column>
      </mj-section>
      <mj-section>
        <mj-column>
          <mj-text padding="0 32px 16px">Questions? Just reply to this email. A real person reads every message, usually within a day.</mj-text>
          <mj-text padding="0 32px 24px">Cheers,<br /><strong style="color: ${theme.ink};">The {{ workspace.name }} team</strong></mj-text>
        </mj-column>
      </mj-section>
    </mj-wrapper>
    ${starterFooter(theme, "You are receiving this because you created an account with {{ workspace.name }}.")}
  </mj-body>
</mjml>`;
