import { describe, expect, it } from "vitest";
import { compileTextTemplate } from "./compile-text";
import { buildMergeScope, sampleContact } from "./merge-scope";

describe("merge scope", () => {
  const scope = buildMergeScope({
    contact: { ...sampleContact({ plan: "pro", email: "shadow@example.com" }), email: "real@example.com" },
    workspace: { id: "w", name: "Acme", postalAddress: "1 Queen's Road, Hong Kong" },
    appUrl: "https://herald.example",
    links: { unsubscribeUrl: "https://u", preferencesUrl: "https://p", viewInBrowserUrl: "https://v" },
    event: { cart_id: "c-9" },
  });
  const render = (source: string) => compileTextTemplate(source).render(scope);

  it("offers built-in fields, attributes both ways, workspace, event and the special links", () => {
    expect(render("{{ contact.first_name }} {{ contact.full_name }} {{ contact.plan }} {{ contact.attributes.plan }}")).toBe("Alex Alex Chan pro pro");
    expect(render("{{ workspace.name }}, {{ workspace.postal_address }}")).toBe("Acme, 1 Queen's Road, Hong Kong");
    expect(render("{{ event.cart_id }} {{ unsubscribe_url }} {{ preferences_url }} {{ view_in_browser_url }}")).toBe("c-9 https://u https://p https://v");
  });

  it("never lets an attribute shadow a built-in field", () => {
    expect(render("{{ contact.email }} / {{ contact.attributes.email }}")).toBe("real@example.com / shadow@example.com");
  });
});
