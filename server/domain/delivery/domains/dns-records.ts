import { isIP } from "node:net";
import { dkimRecordValue } from "@/server/domain/delivery/dkim/dkim-keys";
import { parseSmarthosts } from "@/server/domain/delivery/transports/smarthosts";
import { env } from "@/server/env";

export type DnsRecordKey = "dkim" | "spf" | "dmarc" | "return_path";

export type DnsRecord = {
  key: DnsRecordKey;
  type: "TXT" | "MX";
  /** The full name, e.g. herald202611abcd._domainkey.acme.com. */
  name: string;
  /** The name relative to the domain, as most DNS hosts' forms want it ("@" for the domain itself). */
  host: string;
  value: string;
  /** Needed before Herald signs with the domain's key; the others are advice for deliverability. */
  required: boolean;
  purpose: string;
  note?: string;
};

export type DnsSettings = {
  /** SPF mechanisms for the servers Herald hands mail to (its smarthosts). */
  spfMechanisms: string[];
  /** Where bounces to the VERP return path should go. */
  bounceHost: string;
};

const LOCAL = /^(localhost|127\.|::1$|\[::1\])/;

/** From the configured smarthosts: ip4:/ip6: for addresses, a: for names; local relays (development) are left out. */
export const deliveryDnsSettings = (): DnsSettings => {
  const hosts = parseSmarthosts(env().DELIVERY_SMARTHOSTS || env().DELIVERY_SMTP_URL)
    .map(({ url }) => {
      try {
        return new URL(url).hostname.replace(/^\[|\]$/g, "");
      } catch {
        return "";
      }
    })
    .filter((host) => host && !LOCAL.test(host));
  const spfMechanisms = [...new Set(hosts)].map((host) => (isIP(host) === 4 ? `ip4:${host}` : isIP(host) === 6 ? `ip6:${host}` : `a:${host}`));
  return { spfMechanisms, bounceHost: new URL(env().APP_URL).hostname };
};

export const spfValue = (mechanisms: string[]) => `v=spf1 ${mechanisms.length ? mechanisms.join(" ") : "mx"} ~all`;

export const BOUNCE_SUBDOMAIN = "bounces";

/** The records to publish for a sending domain, DKIM first since only it is required. */
export const dnsRecordsFor = (
  domain: { domain: string; dkimSelector: string; dkimPublicKey: string },
  settings: DnsSettings = deliveryDnsSettings(),
): DnsRecord[] => [
  {
    key: "dkim",
    type: "TXT",
    name: `${domain.dkimSelector}._domainkey.${domain.domain}`,
    host: `${domain.dkimSelector}._domainkey`,
    value: dkimRecordValue(domain.dkimPublicKey),
    required: true,
    purpose: "Publishes the key Herald signs your mail with (DKIM), so receivers can tell it really comes from you.",
    note: "The value is longer than 255 characters. Most DNS hosts split it for you; if yours asks, enter it as several quoted strings in one record.",
  },
  {
    key: "spf",
    type: "TXT",
    name: domain.domain,
    host: "@",
    value: spfValue(settings.spfMechanisms),
    required: false,
    purpose: "Lists the servers allowed to send mail for the domain (SPF).",
    note: settings.spfMechanisms.length
      ? "If the domain already has a v=spf1 record, add these mechanisms to it instead: a domain must have only one."
      : "Herald hands mail to a local relay here, so it cannot name your sending servers: list the ones that really send your mail. A domain must have only one v=spf1 record.",
  },
  {
    key: "dmarc",
    type: "TXT",
    name: `_dmarc.${domain.domain}`,
    host: "_dmarc",
    value: "v=DMARC1; p=none; adkim=r; aspf=r",
    required: false,
    purpose: "Tells receivers what to do with mail that fails DKIM and SPF (DMARC). Gmail and Yahoo require one from bulk senders.",
    note: "p=none only monitors. Add rua=mailto:you@yourdomain to get reports, then move to p=quarantine once they look clean.",
  },
  {
    key: "return_path",
    type: "MX",
    name: `${BOUNCE_SUBDOMAIN}.${domain.domain}`,
    host: BOUNCE_SUBDOMAIN,
    value: `10 ${settings.bounceHost}`,
    required: false,
    purpose: "The return path (VERP) subdomain: bounces come back to an address here, one per message, so Herald can tell which recipient bounced.",
    note: "Bounce handling comes later: Herald does not receive bounces yet, so this record is optional for now.",
  },
];
