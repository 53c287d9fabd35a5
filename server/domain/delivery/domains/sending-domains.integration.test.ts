import { createPrivateKey, createPublicKey } from "node:crypto";
import { createRequire } from "node:module";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sendingDomains } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { txtChunks } from "@/server/domain/delivery/dkim/dkim-keys";
import { prepareDkimSigner } from "@/server/domain/delivery/dkim/sign-dkim";
import { createTestWorkspace } from "@/server/testing/fixtures";
import type { DomainCheckResult } from "./check-dns-records";
import { createSendingDomain } from "./create-sending-domain";
import { deleteSendingDomain } from "./delete-sending-domain";
import { deliveryDnsSettings, dnsRecordsFor, type DnsSettings } from "./dns-records";
import type { DnsResolver } from "./dns-resolver";
import { findSigningKeyForAddress } from "./find-signing-key";
import { listSendingDomains } from "./list-sending-domains";
import { sendingDomainRecords } from "./sending-domain-records";
import { verifySendingDomain } from "./verify-sending-domain";

const { dkimVerify } = createRequire(import.meta.url)("mailauth/lib/dkim/verify") as {
  dkimVerify: (m: string, o: { resolver: (name: string, type: string) => Promise<string[][]> }) => Promise<{ results: { status: { result: string } }[] }>;
};

const workspace = async () => (await createTestWorkspace()).workspace.id;
const SETTINGS: DnsSettings = { spfMechanisms: ["ip4:203.0.113.7", "a:relay.example.net"], bounceHost: "mx.herald.example" };

const dnsError = (code: string) => Object.assign(new Error(`query ${code}`), { code });

/** A fake DNS: TXT records per name (cut into 255-byte strings, as DNS returns them), MX per name, errors per name. */
const fakeResolver = (zone: { txt?: Record<string, string[]>; mx?: Record<string, string[]>; errors?: Record<string, string> }): DnsResolver => ({
  resolveTxt: async (name) => {
    if (zone.errors?.[name]) throw dnsError(zone.errors[name]!);
    const records = zone.txt?.[name];
    if (!records) throw dnsError("ENOTFOUND");
    return records.map(txtChunks);
  },
  resolveMx: async (name) => {
    if (zone.errors?.[name]) throw dnsError(zone.errors[name]!);
    const hosts = zone.mx?.[name];
    if (!hosts) throw dnsError("ENOTFOUND");
    return hosts.map((exchange) => ({ exchange, priority: 10 }));
  },
});

/** Everything published exactly as dnsRecordsFor says. */
const publishedZone = (domain: { domain: string; dkimSelector: string; dkimPublicKey: string }) => {
  const txt: Record<string, string[]> = {};
  const mx: Record<string, string[]> = {};
  for (const record of dnsRecordsFor(domain, SETTINGS)) {
    if (record.type === "TXT") txt[record.name] = [record.value];
    else mx[record.name] = [record.value.split(" ")[1]!];
  }
  return { txt, mx };
};

const storedKey = async (id: string) => (await db.select().from(sendingDomains).where(eq(sendingDomains.id, id)))[0]!;

describe("adding sending domains", () => {
  it("normalizes the name, generates an RSA-2048 key and a herald<yyyymm> selector, and never returns the private key", async () => {
    const workspaceId = await workspace();
    const created = await createSendingDomain({ workspaceId, domain: "  Mail.Acme-Shop.COM. " });
    expect(created).toMatchObject({ domain: "mail.acme-shop.com", status: "pending", verifiedAt: null, lastCheckResult: null });
    const now = new Date();
    expect(created.dkimSelector).toMatch(new RegExp(`^herald${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, "0")}[a-z2-9]{4}$`));

    const row = await storedKey(created.id);
    const privateKey = createPrivateKey(row.dkimPrivateKey);
    expect(row.dkimPrivateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(privateKey.asymmetricKeyType).toBe("rsa");
    expect(privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    // The published key is the private key's own public half.
    expect(createPublicKey(privateKey).export({ type: "spki", format: "der" }).toString("base64")).toBe(row.dkimPublicKey);

    const pemBody = row.dkimPrivateKey.split("\n")[5]!;
    for (const value of [created, await listSendingDomains({ workspaceId }), await sendingDomainRecords({ workspaceId, domainId: created.id })]) {
      const text = JSON.stringify(value);
      expect(text).not.toContain("PRIVATE KEY");
      expect(text).not.toContain(pemBody);
      expect(text).not.toMatch(/privateKey/i);
    }
  });

  it("accepts Unicode names in their A-label form and refuses what is not a domain, with the reason on the field", async () => {
    const workspaceId = await workspace();
    expect((await createSendingDomain({ workspaceId, domain: "Bücher.example" })).domain).toBe("xn--bcher-kva.example");
    const refusals: Array<[string, RegExp]> = [
      ["news@acme.com", /only the part after the @/],
      ["https://acme.com/path", /without http/],
      ["localhost", /not a domain name/],
      ["203.0.113.7", /not a domain name/],
      ["-acme-.com", /not a domain name/],
      [`${"a".repeat(64)}.com`, /not a domain name/],
      ["acme..com", /not a domain name/],
      ["", /Enter a domain/],
    ];
    for (const [domain, message] of refusals) {
      await expect(createSendingDomain({ workspaceId, domain }), domain).rejects.toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: { domain: [expect.stringMatching(message)] },
      });
    }
  });

  it("a domain is unique per workspace (CONFLICT on the field); another workspace may add it with its own key and selector", async () => {
    const [first, second] = [await workspace(), await workspace()];
    const mine = await createSendingDomain({ workspaceId: first, domain: "acme.example" });
    await expect(createSendingDomain({ workspaceId: first, domain: "ACME.example." })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { domain: ["acme.example is already a sending domain in this workspace"] },
    });
    const theirs = await createSendingDomain({ workspaceId: second, domain: "acme.example" });
    expect(theirs.dkimSelector).not.toBe(mine.dkimSelector);
    expect(theirs.dkimPublicKey).not.toBe(mine.dkimPublicKey);
    expect((await listSendingDomains({ workspaceId: first })).map((d) => d.id)).toEqual([mine.id]);
  });
});

describe("dnsRecordsFor", () => {
  it("lists DKIM (required), SPF, DMARC and the VERP return-path records", async () => {
    const created = await createSendingDomain({ workspaceId: await workspace(), domain: "acme.example" });
    const records = dnsRecordsFor(created, SETTINGS);
    expect(records.map((r) => [r.key, r.type, r.name, r.host, r.required])).toEqual([
      ["dkim", "TXT", `${created.dkimSelector}._domainkey.acme.example`, `${created.dkimSelector}._domainkey`, true],
      ["spf", "TXT", "acme.example", "@", false],
      ["dmarc", "TXT", "_dmarc.acme.example", "_dmarc", false],
      ["return_path", "MX", "bounces.acme.example", "bounces", false],
    ]);
    expect(records[0]!.value).toBe(`v=DKIM1; k=rsa; p=${created.dkimPublicKey}`);
    expect(records[1]!.value).toBe("v=spf1 ip4:203.0.113.7 a:relay.example.net ~all");
    expect(records[2]!.value).toMatch(/^v=DMARC1; p=none/);
    expect(records[3]!.value).toBe("10 mx.herald.example");
    expect(records[3]!.note).toMatch(/Bounce handling comes later/);
    // The test run hands mail to the local catcher: nothing to name in SPF, and it says so.
    const local = deliveryDnsSettings();
    expect(local).toEqual({ spfMechanisms: [], bounceHost: "localhost" });
    expect(dnsRecordsFor(created, local)[1]).toMatchObject({ value: "v=spf1 mx ~all", note: expect.stringMatching(/local relay/) });
  });
});

describe("verifying through DNS (a fake resolver)", () => {
  it("passes every record when all are published, stores the reasons, and the key then signs mail that verifies", async () => {
    const workspaceId = await workspace();
    const created = await createSendingDomain({ workspaceId, domain: "news.acme.example" });
    expect(await findSigningKeyForAddress(workspaceId, "hello@news.acme.example")).toBeNull();

    const zone = publishedZone(created);
    // DMARC only at the parent: it covers the subdomain. Unrelated TXT records sit beside SPF.
    delete zone.txt["_dmarc.news.acme.example"];
    zone.txt["_dmarc.acme.example"] = ["v=DMARC1; p=quarantine; rua=mailto:d@acme.example"];
    zone.txt["news.acme.example"]!.push("google-site-verification=abc");
    const verified = await verifySendingDomain({ workspaceId, domainId: created.id, resolver: fakeResolver(zone), settings: SETTINGS });
    expect(verified.status).toBe("verified");
    expect(verified.verifiedAt).toBeInstanceOf(Date);
    expect(verified.lastCheckResult!.verified).toBe(true);
    expect(verified.lastCheckResult!.records.map((r) => [r.key, r.status, r.reason])).toEqual([
      ["dkim", "pass", "The published key matches this domain's key."],
      ["spf", "pass", "The SPF record lists Herald's sending servers."],
      ["dmarc", "pass", "DMARC policy p=quarantine (from _dmarc.acme.example, which covers this subdomain)."],
      ["return_path", "pass", "Bounces to bounces.news.acme.example reach mx.herald.example."],
    ]);
    const stored = await storedKey(created.id);
    expect(stored.lastCheckedAt).toBeInstanceOf(Date);
    expect((stored.lastCheckResult as DomainCheckResult).records[0]).toMatchObject({ key: "dkim", status: "pass", found: [zone.txt[`${created.dkimSelector}._domainkey.news.acme.example`]![0]] });

    // The key found for the sender signs, and mailauth verifies it against the record as published.
    const key = await findSigningKeyForAddress(workspaceId, "Hello@News.Acme.Example");
    expect(key).toEqual({ domain: "news.acme.example", selector: created.dkimSelector, privateKeyPem: stored.dkimPrivateKey });
    const signed = prepareDkimSigner(key!).sign("From: hello@news.acme.example\r\nTo: a@example.org\r\nSubject: Hi\r\n\r\nHello  there\r\n");
    const { results } = await dkimVerify(signed, { resolver: (name, type) => fakeResolver(zone)[type === "TXT" ? "resolveTxt" : "resolveMx"](name) as Promise<string[][]> });
    expect(results[0]!.status.result).toBe("pass");
  });

  it("fails each record with the reason, and un-verifies when the key disappears but not when DNS merely times out", async () => {
    const workspaceId = await workspace();
    const created = await createSendingDomain({ workspaceId, domain: "acme.example" });
    const dkimName = `${created.dkimSelector}._domainkey.acme.example`;
    const check = async (zone: Parameters<typeof fakeResolver>[0]) => {
      const view = await verifySendingDomain({ workspaceId, domainId: created.id, resolver: fakeResolver(zone), settings: SETTINGS });
      return { view, byKey: Object.fromEntries(view.lastCheckResult!.records.map((r) => [r.key, r])) };
    };

    const nothing = await check({});
    expect(nothing.view).toMatchObject({ status: "failing", verifiedAt: null, lastCheckResult: { verified: false } });
    expect(nothing.byKey.dkim).toMatchObject({ status: "fail", reason: expect.stringMatching(`^No TXT record at ${dkimName.replaceAll(".", "\\.")} yet`) });
    expect(nothing.byKey.spf).toMatchObject({ status: "fail", reason: "No SPF record (v=spf1) at acme.example." });
    expect(nothing.byKey.dmarc).toMatchObject({ status: "fail", reason: "No DMARC record (v=DMARC1) at _dmarc.acme.example." });
    expect(nothing.byKey.return_path).toMatchObject({ status: "fail", reason: expect.stringMatching(/No MX record at bounces\.acme\.example/) });

    const other = await createSendingDomain({ workspaceId: await workspace(), domain: "acme.example" });
    const wrong = await check({
      txt: {
        [dkimName]: [`v=DKIM1; k=rsa; p=${other.dkimPublicKey}`],
        "acme.example": ["v=spf1 include:_spf.google.com ~all", "v=spf1 ip4:203.0.113.7 ~all"],
        "_dmarc.acme.example": ["v=DMARC1; rua=mailto:d@acme.example"],
      },
      mx: { "bounces.acme.example": ["mx.elsewhere.example"] },
    });
    expect(wrong.byKey.dkim).toMatchObject({ status: "fail", reason: expect.stringMatching(/is not this domain's key/), found: [`v=DKIM1; k=rsa; p=${other.dkimPublicKey}`] });
    expect(wrong.byKey.spf!.reason).toMatch(/^2 SPF records at acme\.example: .*permerror/);
    expect(wrong.byKey.dmarc!.reason).toBe("The DMARC record at _dmarc.acme.example has no p= policy.");
    expect(wrong.byKey.return_path!.reason).toBe("The MX record at bounces.acme.example points to mx.elsewhere.example, not mx.herald.example.");

    expect((await check({ txt: { [dkimName]: ["v=DKIM1; k=rsa; p="] } })).byKey.dkim!.reason).toMatch(/revoked/);
    expect((await check({ txt: { [dkimName]: ["some-verification=123"] } })).byKey.dkim!.reason).toMatch(/not a DKIM key/);
    expect((await check({ txt: { "acme.example": ["v=spf1 ip4:203.0.113.7 -all"] } })).byKey.spf!.reason).toBe("The SPF record does not list a:relay.example.net.");

    // Published: verified. Then a timeout keeps it verified (and says the lookup failed); a removed record does not.
    const published = await check(publishedZone(created));
    expect(published.view.status).toBe("verified");
    const verifiedAt = published.view.verifiedAt;
    const timeout = await check({ errors: { [dkimName]: "ETIMEOUT", "acme.example": "ETIMEOUT", "_dmarc.acme.example": "ESERVFAIL", "bounces.acme.example": "ETIMEOUT" } });
    expect(timeout.view).toMatchObject({ status: "verified", verifiedAt });
    expect(timeout.byKey.dkim).toMatchObject({ status: "fail", transient: true, reason: "The DNS lookup failed (ETIMEOUT); try again in a minute" });
    expect(timeout.byKey.dmarc).toMatchObject({ transient: true, reason: expect.stringMatching(/ESERVFAIL/) });
    expect(await findSigningKeyForAddress(workspaceId, "a@acme.example")).not.toBeNull();
    const removed = await check({});
    expect(removed.view).toMatchObject({ status: "failing", verifiedAt: null });
    expect(await findSigningKeyForAddress(workspaceId, "a@acme.example")).toBeNull();
  });
});

describe("findSigningKeyForAddress", () => {
  it("uses the nearest verified domain of this workspace only, and nothing once the domain is deleted", async () => {
    const [mine, theirs] = [await workspace(), await workspace()];
    const verified = async (workspaceId: string, domain: string) => {
      const created = await createSendingDomain({ workspaceId, domain });
      await verifySendingDomain({ workspaceId, domainId: created.id, resolver: fakeResolver(publishedZone(created)), settings: SETTINGS });
      return created;
    };
    const parent = await verified(mine, "acme.example");
    await createSendingDomain({ workspaceId: mine, domain: "deep.mail.acme.example" }); // added, never verified
    await verified(theirs, "other.example");

    expect((await findSigningKeyForAddress(mine, "a@deep.mail.acme.example"))?.domain).toBe("acme.example");
    const child = await verified(mine, "mail.acme.example");
    expect((await findSigningKeyForAddress(mine, "a@deep.mail.acme.example"))?.domain).toBe("mail.acme.example");
    expect((await findSigningKeyForAddress(mine, "a@acme.example"))?.selector).toBe(parent.dkimSelector);
    expect(await findSigningKeyForAddress(mine, "a@notacme.example")).toBeNull();
    expect(await findSigningKeyForAddress(mine, "a@other.example")).toBeNull();
    expect(await findSigningKeyForAddress(mine, "not-an-address")).toBeNull();

    await expect(deleteSendingDomain({ workspaceId: theirs, domainId: child.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await deleteSendingDomain({ workspaceId: mine, domainId: child.id })).toEqual({ id: child.id });
    expect((await findSigningKeyForAddress(mine, "a@mail.acme.example"))?.domain).toBe("acme.example");
  });
});
