import { renderEmail } from "@/server/domain/content/render/render-email";
import { compileEmail } from "@/server/domain/content/render/compile-email";
import { buildMergeScope, sampleContact } from "@/server/domain/content/render/merge-scope";
import { STARTER_TEMPLATES } from "@/server/domain/content/starters/starter-templates";
import { env } from "@/server/env";

type StarterSummary = { key: string; name: string; description: string; category: string; subject: string; previewHtml: string };

let cached: Promise<StarterSummary[]> | undefined;

/** The gallery: each starter rendered once per process for the sample person (they never change at run time). */
export const listStarterTemplates = (): Promise<StarterSummary[]> =>
  (cached ??= Promise.all(
    STARTER_TEMPLATES.map(async (starter) => {
      const compiled = await compileEmail({ subject: starter.subject, preheader: starter.preheader, sourceFormat: "mjml", source: starter.mjml });
      const appUrl = env().APP_URL.replace(/\/$/, "");
      const scope = buildMergeScope({
        contact: sampleContact({ plan: "Pro" }),
        workspace: { id: "", name: "Your company", postalAddress: "1 Example Street, Hong Kong" },
        appUrl,
        links: { unsubscribeUrl: "#", preferencesUrl: "#", viewInBrowserUrl: "#" },
        event: { order_id: "1042", items: [{ name: "Ceramic mug", quantity: 2, price: "$24.00" }], total: "$48.00" },
      });
      const { subject, html } = renderEmail(compiled, scope);
      return { key: starter.key, name: starter.name, description: starter.description, category: starter.category, subject, previewHtml: html };
    }),
  ).catch((error) => {
    cached = undefined;
    throw error;
  }));
