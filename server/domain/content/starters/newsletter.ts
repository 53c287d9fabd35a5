import { starterFooter, starterHead, starterImage, starterTopBar, type StarterTheme } from "./starter-parts";

const theme: StarterTheme = {
  canvas: "#F4F1EA",
  accent: "#0E7490",
  accentSoft: "#E3F2EF",
  ink: "#111827",
  body: "#374151",
  muted: "#6B7280",
  rule: "#E5E7EB",
};

/** A weekly digest: a lead story, two shorter ones side by side (stacked on phones), a pull quote and a link list. */
export const newsletterMjml = `<mjml lang="en">
  ${starterHead(theme)}
  <mj-body background-color="${theme.canvas}" width="600px">
    ${starterTopBar(theme)}
    <mj-section padding="16px 0 24px">
      <mj-group>
        <mj-column width="60%" vertical-align="middle">
          <mj-text font-size="22px" line-height="28px" font-weight="800" letter-spacing="-0.3px" color="${theme.ink}" padding="0 0 0 32px">{{ workspace.name }}</mj-text>
        </mj-column>
        <mj-column width="40%" vertical-align="middle">
          <mj-text align="right" mj-class="small" padding="0 32px 0 0">Issue No. 12</mj-text>
        </mj-column>
      </mj-group>
    </mj-section>
    <mj-wrapper background-color="#FFFFFF" border-radius="16px" padding="24px 0 8px">
      <mj-section>
        <mj-column>
          <mj-image src="${starterImage("newsletter-hero.png")}" alt="Hills under a warm sun" width="536px" border-radius="12px" padding="0 32px 32px" />
          <mj-text mj-class="eyebrow">This week</mj-text>
          <mj-text mj-class="h1" css-class="h1">The small habits behind great work</mj-text>
          <mj-text>Hi {{ contact.first_name | default: "there" }},</mj-text>
          <mj-text>Big results rarely come from big gestures. This week we looked at the quiet routines that keep teams moving: a ten-minute plan each morning, one clear priority, and a habit of writing things down.</mj-text>
          <mj-button href="https://example.com/blog/small-habits" align="left">Read the full story</mj-button>
          <mj-divider />
          <mj-text mj-class="eyebrow" padding="0 32px 16px">Also in this issue</mj-text>
        </mj-column>
      </mj-section>
      <mj-section padding="0 16px 8px">
        <mj-column padding="0 0 24px">
          <mj-image src="${starterImage("newsletter-story-notes.png")}" alt="A notebook and pencil" width="252px" border-radius="10px" fluid-on-mobile="true" padding="0 16px 16px" />
          <mj-text mj-class="h3" padding="0 16px 8px">A calmer way to plan your week</mj-text>
          <mj-text padding="0 16px 8px">Five minutes on Sunday saves hours on Wednesday. Here is the template we use.</mj-text>
          <mj-text font-weight="700" padding="0 16px"><a href="https://example.com/blog/weekly-plan" style="text-decoration: none;">Read more &rarr;</a></mj-text>
        </mj-column>
        <mj-column padding="0 0 24px">
          <mj-image src="${starterImage("newsletter-story-chart.png")}" alt="A bar chart on a card" width="252px" border-radius="10px" fluid-on-mobile="true" padding="0 16px 16px" />
          <mj-text mj-class="h3" padding="0 16px 8px">What we learned from 1,000 replies</mj-text>
          <mj-text padding="0 16px 8px">You told us what you want more of. The answers surprised us, and they are shaping next month.</mj-text>
          <mj-text font-weight="700" padding="0 16px"><a href="https://example.com/blog/survey-results" style="text-decoration: none;">Read more &rarr;</a></mj-text>
        </mj-column>
      </mj-section>
      <mj-section padding="0 0 8px">
        <mj-column>
          <mj-divider />
          <mj-text padding="0 32px 32px">
            <div style="border-left: 4px solid ${theme.accent}; padding: 4px 0 4px 20px; font-size: 20px; line-height: 30px; font-style: italic; color: ${theme.ink};">&ldquo;You do not rise to the level of your goals. You fall to the level of your systems.&rdquo;</div>
            <div style="padding: 8px 0 0 24px; font-size: 14px; line-height: 22px; color: ${theme.muted};">James Clear, <em>Atomic Habits</em></div>
          </mj-text>
        </mj-column>
      </mj-section>
      <mj-section padding="0 32px 32px">
        <mj-column background-color="${theme.accentSoft}" border-radius="12px" padding="24px 0 8px">
          <mj-text mj-class="eyebrow" padding="0 24px 12px">Worth your time</mj-text>
          <mj-text padding="0 24px 16px">
            <div style="font-size: 16px; line-height: 26px; font-weight: 700;"><a href="https://example.com/links/1" style="text-decoration: none;">The case for shorter meetings</a></div>
            <div style="font-size: 14px; line-height: 22px; color: ${theme.muted};">A 4-minute read on getting an hour back each day.</div>
          </mj-text>
          <mj-text padding="0 24px 16px">
            <div style="font-size: 16px; line-height: 26px; font-weight: 700;"><a href="https://example.com/links/2" style="text-decoration: none;">How we write release notes</a></div>
            <div style="font-size: 14px; line-height: 22px; color: ${theme.muted};">Our checklist, free to copy.</div>
          </mj-text>
          <mj-text padding="0 24px 16px">
            <div style="font-size: 16px; line-height: 26px; font-weight: 700;"><a href="https://example.com/links/3" style="text-decoration: none;">Ask us anything, live</a></div>
            <div style="font-size: 14px; line-height: 22px; color: ${theme.muted};">Join the team on Thursday at 5 pm.</div>
          </mj-text>
        </mj-column>
      </mj-section>
      <mj-section>
        <mj-column>
          <mj-text padding="0 32px 24px">Until next week,<br /><strong style="color: ${theme.ink};">The {{ workspace.name }} team</strong></mj-text>
        </mj-column>
      </mj-section>
    </mj-wrapper>
    ${starterFooter(theme, "You are receiving this because you subscribed to our newsletter.")}
  </mj-body>
</mjml>`;
