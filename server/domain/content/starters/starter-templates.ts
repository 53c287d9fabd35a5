import { newsletterMjml } from "./newsletter";
import { promotionMjml } from "./promotion";
import { reEngagementMjml } from "./re-engagement";
import { receiptMjml } from "./receipt";
import { welcomeMjml } from "./welcome";

/**
 * Herald's built-in designs. A workspace copies one into its own templates (email_templates.starter_key
 * records which); after that the copy is the workspace's own, so changing a starter here never
 * changes anyone's saved template. Images live in public/starter-images and load through
 * `{{ app_url }}`, so they work on any install, offline included.
 *
 * Merge tags the designs use (the render scope must provide them): contact.first_name, contact.email,
 * contact.attributes.plan, workspace.name, workspace.postal_address, app_url, unsubscribe_url,
 * preferences_url, view_in_browser_url; the receipt also reads its trigger's event (see receipt.ts).
 * The preheader is kept out of the MJML: rendering adds it from the template's own field.
 */
export type StarterTemplate = {
  key: string;
  name: string;
  description: string;
  category: "newsletter" | "welcome" | "promotion" | "transactional" | "re-engagement";
  subject: string;
  preheader: string;
  mjml: string;
};

export const STARTER_TEMPLATES: readonly StarterTemplate[] = [
  {
    key: "newsletter-digest",
    name: "Weekly digest",
    description: "A lead story with an image, two shorter stories side by side, a pull quote and a list of links.",
    category: "newsletter",
    subject: "The small habits behind great work",
    preheader: "This week: a calmer way to plan, what 1,000 replies taught us, and three links worth your time.",
    mjml: newsletterMjml,
  },
  {
    key: "welcome-onboarding",
    name: "Welcome aboard",
    description: "A warm hello after sign-up with one clear first step, three getting-started tips and the contact's plan.",
    category: "welcome",
    subject: 'Welcome to {{ workspace.name }}, {{ contact.first_name | default: "friend" }}!',
    preheader: "Your account is ready. Here is how to get started in five minutes.",
    mjml: welcomeMjml,
  },
  {
    key: "promotion-sale",
    name: "Seasonal sale",
    description: "A sale announcement with a hero, a coupon code, a two-by-two product grid and shipping and returns perks.",
    category: "promotion",
    subject: "Up to 40% off starts now",
    preheader: "Our summer sale is on for one week only, plus an extra 10% off with code SUMMER10.",
    mjml: promotionMjml,
  },
  {
    key: "order-receipt",
    name: "Order receipt",
    description: "An order confirmation for an event trigger: lists the event's items and totals, with order progress and help.",
    category: "transactional",
    subject: "Your order #{{ event.order_id }} is confirmed",
    preheader: "Thanks for shopping with {{ workspace.name }}. Your receipt is inside.",
    mjml: receiptMjml,
  },
  {
    key: "re-engagement-miss-you",
    name: "We miss you",
    description: "Wins back quiet contacts with what is new and a welcome-back code, and makes leaving just as easy.",
    category: "re-engagement",
    subject: 'We miss you, {{ contact.first_name | default: "friend" }}',
    preheader: "A lot has changed since your last visit, and here is 20% off to welcome you back.",
    mjml: reEngagementMjml,
  },
];

export const findStarterTemplate = (key: string): StarterTemplate | undefined =>
  STARTER_TEMPLATES.find((starter) => starter.key === key);
