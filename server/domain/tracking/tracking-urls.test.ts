import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { compileEmail } from "@/server/domain/content/render/compile-email";
import { buildMergeScope, sampleContact } from "@/server/domain/content/render/merge-scope";
import { renderEmail } from "@/server/domain/content/render/render-email";
import { maskAddress } from "./mask-address";
import { messageToken } from "./message-token";
import { clickTrackingHooks, decodeAttribute, listUnsubscribeHeader, mergeLinks, readSignedClickTarget, trackingUrls } from "./tracking-urls";

const APP = "https://mail.example.org";
const token = messageToken(randomUUID());
const urls = trackingUrls(`${APP}/`, token);

/** The parts of a signed click href, as the browser will request it (attribute-decoded). */
const signedParts = (href: string) => {
  const url = new URL(decodeAttribute(href));
  const [, , tokenPart, index] = url.pathname.split("/");
  return { token: tokenPart!, index: Number(index), u: url.searchParams.get("u")!, s: url.searchParams.get("s")! };
};

describe("tracking URLs", () => {
  it("puts the token on each special path, without doubling the app URL's slash", () => {
    expect(urls).toMatchObject({
      openPixel: `${APP}/o/${token}`,
      unsubscribe: `${APP}/u/${token}`,
      oneClickUnsubscribe: `${APP}/api/u/${token}`,
      preferences: `${APP}/p/${token}`,
      viewInBrowser: `${APP}/v/${token}`,
    });
    expect(listUnsubscribeHeader(urls)).toBe(`<${APP}/api/u/${token}>`);
  });

  it("gives a campaign's own link a short unsigned URL: the redirect looks the target up", () => {
    const href = "https://shop.example/sale?utm_source=herald&amp;utm_medium=email";
    expect(urls.click(3, href, href)).toBe(`${APP}/c/${token}/3`);
  });

  it("signs a personalised link's decoded target, attribute-encoding the result", () => {
    const href = urls.click(1, "https://shop.example/u/42?a=1&amp;b=&#34;x&#34;", "https://shop.example/u/{{ contact.id }}?a=1&amp;b={{ x }}");
    expect(href).toMatch(new RegExp(`^${APP}/c/${token}/1\\?u=[A-Za-z0-9_-]+&amp;s=[A-Za-z0-9_-]{16}$`));
    const parts = signedParts(href);
    expect(readSignedClickTarget(parts.token, parts.index, parts.u, parts.s)).toBe("https://shop.example/u/42?a=1&b=%22x%22");
  });

  it("cannot be turned into an open redirect: another u, index, token or signature fails", () => {
    const parts = signedParts(urls.click(0, "https://shop.example/p/7", null));
    expect(readSignedClickTarget(parts.token, parts.index, parts.u, parts.s)).toBe("https://shop.example/p/7");

    const evil = Buffer.from("https://evil.example/").toString("base64url");
    expect(readSignedClickTarget(parts.token, parts.index, evil, parts.s)).toBeNull();
    expect(readSignedClickTarget(parts.token, parts.index + 1, parts.u, parts.s)).toBeNull();
    expect(readSignedClickTarget(messageToken(randomUUID()), parts.index, parts.u, parts.s)).toBeNull();
    expect(readSignedClickTarget(parts.token, parts.index, parts.u, parts.s === "A".repeat(16) ? "B".repeat(16) : "A".repeat(16))).toBeNull();
    expect(readSignedClickTarget(parts.token, parts.index, parts.u, parts.s.slice(0, 15))).toBeNull();
    expect(readSignedClickTarget(parts.token, parts.index, `${parts.u}A`, parts.s)).toBeNull();
    // A signature made for one message's link is no use on another message's token.
    const other = trackingUrls(APP, messageToken(randomUUID()));
    const otherParts = signedParts(other.click(0, "https://evil.example/", null));
    expect(readSignedClickTarget(parts.token, 0, otherParts.u, otherParts.s)).toBeNull();
  });

  it("never tracks or sends script and data URLs, and leaves other schemes alone", () => {
    expect(urls.click(0, "javascript:alert(1)", "{{ contact.site }}")).toBe("#");
    expect(urls.click(0, " JavaScript:alert(1)", null)).toBe("#");
    expect(urls.click(0, "&#106;avascript:alert(1)", null)).toBe("#");
    expect(urls.click(0, "data:text/html,hi", null)).toBe("#");
    expect(urls.click(0, "mailto:a@example.com", null)).toBe("mailto:a@example.com");
    expect(urls.click(0, "/relative", null)).toBe("/relative");
    // A static href that is not http(s) is not wrapped, so the redirect never meets it.
    expect(urls.click(2, "ftp://files.example/x", "ftp://files.example/x")).toBe("ftp://files.example/x");
    // Even with a valid signature, a non-http target is refused by the reader.
    expect(readSignedClickTarget(token, 0, Buffer.from("javascript:alert(1)").toString("base64url"), "A".repeat(16))).toBeNull();
  });

  it("decodes the entities the renderer and authors write in hrefs", () => {
    expect(decodeAttribute("a&amp;b&lt;&gt;&quot;&#39;&#x27;&#34;&apos;&nbsp;")).toBe("a&b<>\"''\"'&nbsp;");
    expect(decodeAttribute("plain")).toBe("plain");
  });

  it("rewrites a rendered email's tracked links and fills its special links", async () => {
    const compiled = await compileEmail({
      subject: "Hi",
      preheader: "",
      sourceFormat: "html",
      source:
        '<p>Hello {{ contact.first_name }}</p><a href="https://shop.example/?a=1&amp;b=2">Shop</a>' +
        '<a href="https://shop.example/u/{{ contact.id }}">Yours</a><a href="{{ unsubscribe_url }}">Unsubscribe</a>',
    });
    const contact = sampleContact();
    const scope = buildMergeScope({ contact, workspace: { id: randomUUID(), name: "Acme", postalAddress: null }, appUrl: APP, links: mergeLinks(urls) });
    const { html } = renderEmail(compiled, scope, clickTrackingHooks(urls, compiled.links));
    expect(html).toContain(`href="${APP}/c/${token}/0"`);
    expect(html).toMatch(new RegExp(`href="${APP}/c/${token}/1\\?u=`));
    expect(html).toContain(`href="${APP}/u/${token}"`);
    expect(html).not.toContain("shop.example");
  });
});

describe("maskAddress", () => {
  it("keeps enough of an address to recognise it", () => {
    expect(maskAddress("alex.chan@example.com")).toBe("al•••@example.com");
    expect(maskAddress("a@example.com")).toBe("a•••@example.com");
    expect(maskAddress("+85291234567")).toBe("+852 •••• 4567");
  });
});
