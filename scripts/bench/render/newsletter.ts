/**
 * The "typical newsletter": an MJML design of about 34 KB of HTML once compiled, with 10 merge
 * tags (plus the three special links) and 15 tracked links, and a generator of contacts to personalise it for. bench:send reuses both.
 */
import type { MergeContact } from "@/server/domain/content/render/merge-scope";

const story = (n: number) => `
    <mj-section background-color="#ffffff" padding="12px 24px">
      <mj-column width="35%"><mj-image href="https://news.example.com/stories/${n}?from=image" src="https://cdn.example.com/newsletter/story-${n}.jpg" alt="Story ${n}" border-radius="6px" /></mj-column>
      <mj-column width="65%">
        <mj-text font-size="18px" font-weight="700" color="#0f172a"><a href="https://news.example.com/stories/${n}?from=title" style="color:#0f172a;text-decoration:none">Story ${n}: what changed this week in retail — and why it matters</a></mj-text>
        <mj-text font-size="14px" line-height="22px" color="#475569">Shoppers are moving faster than ever. We looked at thousands of orders to see which
          promotions worked, which fell flat, and what the best teams did differently. Here is the short version, with the numbers.</mj-text>
        <mj-button href="https://news.example.com/stories/${n}?utm_source=newsletter&amp;utm_medium=email" background-color="#4f46e5" border-radius="6px" font-size="14px">Read story ${n}</mj-button>
      </mj-column>
    </mj-section>`;

export const newsletterMjml = () => `<mjml>
  <mj-head>
    <mj-attributes><mj-all font-family="Helvetica, Arial, sans-serif" /></mj-attributes>
    <mj-style>.footer a { color: #64748b; }</mj-style>
  </mj-head>
  <mj-body background-color="#f1f5f9">
    <mj-section padding="16px 24px"><mj-column>
      <mj-text align="right" font-size="12px"><a href="https://news.example.com/?from=header">Retail Weekly</a> · <a href="{{ view_in_browser_url }}">View in your browser</a></mj-text>
    </mj-column></mj-section>
    <mj-section background-color="#0f172a" padding="32px 24px"><mj-column>
      <mj-text color="#ffffff" font-size="28px" font-weight="700">Hi {{ contact.first_name | default: "there" }}, here is your week</mj-text>
      <mj-text color="#cbd5e1">Curated for {{ contact.attributes.company | default: "you" }} in {{ contact.attributes.city }}. You are on the {{ contact.attributes.plan | upcase }} plan.</mj-text>
    </mj-column></mj-section>
    ${Array.from({ length: 4 }, (_, i) => story(i + 1)).join("\n")}
    <mj-section background-color="#ffffff" padding="24px"><mj-column>
      <mj-text>Your account manager is {{ contact.attributes.manager | default: "our team" }}; reply to this email to reach them.</mj-text>
      <mj-button href="https://app.example.com/account?u={{ contact.id }}" background-color="#16a34a">Open your account</mj-button>
      <mj-button href="https://app.example.com/offers/{{ contact.attributes.plan }}" background-color="#ea580c">See your offers</mj-button>
    </mj-column></mj-section>
    <mj-section padding="24px" css-class="footer"><mj-column>
      <mj-text font-size="12px" color="#64748b" align="center">{{ workspace.name }} · {{ workspace.postal_address }}<br />
        Sent to {{ contact.email }}. <a href="{{ preferences_url }}">Preferences</a> · <a href="{{ unsubscribe_url }}">Unsubscribe</a></mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;

const FIRST = ["Alex", "Mei", "Wing", "Siu", "Chloé", "Jordan", "Ka Yan", "Zoë", "", "Priya"];
const CITIES = ["Hong Kong", "Macau", "Taipei", "Shenzhen", "Singapore"];
const PLANS = ["free", "pro", "team", "enterprise"];

export const benchContact = (n: number): MergeContact => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  email: `reader${n}@example.com`,
  phone: null,
  firstName: FIRST[n % FIRST.length] || null,
  lastName: "Lee",
  timezone: "Asia/Hong_Kong",
  locale: "en",
  attributes: { company: `Company ${n % 977}`, city: CITIES[n % CITIES.length], plan: PLANS[n % PLANS.length], manager: n % 3 ? "Sam <sam@example.com>" : null },
});
