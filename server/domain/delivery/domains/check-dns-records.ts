import { dnsRecordsFor, type DnsRecord, type DnsRecordKey, type DnsSettings } from "./dns-records";
import { isMissingRecord, lookupFailure, type DnsResolver } from "./dns-resolver";

export type RecordCheck = {
  key: DnsRecordKey;
  name: string;
  required: boolean;
  status: "pass" | "fail";
  reason: string;
  /** What DNS answered, so people can compare it with what they meant to publish. */
  found: string[];
  /** The lookup itself failed (timeout, SERVFAIL): says nothing about the record. */
  transient?: boolean;
};

export type DomainCheckResult = { checkedAt: string; verified: boolean; records: RecordCheck[] };

type Lookup = { ok: true; values: string[] } | { ok: false; missing: boolean; reason: string };

const txt = async (resolver: DnsResolver, name: string): Promise<Lookup> => {
  try {
    return { ok: true, values: (await resolver.resolveTxt(name)).map((chunks) => chunks.join("")) };
  } catch (error) {
    return { ok: false, missing: isMissingRecord(error), reason: lookupFailure(error) };
  }
};

/** A DKIM or DMARC record's tags, whitespace inside values removed (RFC 6376 allows folding in p=). */
const tags = (record: string) =>
  new Map(
    record
      .split(";")
      .map((part) => part.trim())
      .filter((part) => part.includes("="))
      .map((part) => [part.slice(0, part.indexOf("=")).trim().toLowerCase(), part.slice(part.indexOf("=") + 1).replace(/\s+/g, "")] as const),
  );

type Check = Omit<RecordCheck, "key" | "name" | "required">;
const pass = (reason: string, found: string[]): Check => ({ status: "pass", reason, found });
const fail = (reason: string, found: string[] = [], transient = false): Check => ({ status: "fail", reason, found, ...(transient ? { transient } : {}) });
const notFound = (lookup: Extract<Lookup, { ok: false }>, missing: string): Check => (lookup.missing ? fail(missing) : fail(lookup.reason, [], true));

const checkDkim = async (resolver: DnsResolver, record: DnsRecord, publicKey: string): Promise<Check> => {
  const lookup = await txt(resolver, record.name);
  if (!lookup.ok) return notFound(lookup, `No TXT record at ${record.name} yet. New records can take up to an hour to appear; check again later.`);
  const keys = lookup.values.map(tags).filter((t) => t.has("p"));
  if (keys.length === 0) return fail(`There is a TXT record at ${record.name}, but it is not a DKIM key (no p= tag).`, lookup.values);
  const ours = keys.find((t) => t.get("p") === publicKey && (t.get("k") ?? "rsa").toLowerCase() === "rsa" && (t.get("v") ?? "DKIM1") === "DKIM1");
  if (ours) return pass("The published key matches this domain's key.", lookup.values);
  if (keys.some((t) => t.get("p") === "")) return fail(`The key at ${record.name} is revoked (p= is empty).`, lookup.values);
  return fail(`The key published at ${record.name} is not this domain's key. Copy the value again: it must match exactly.`, lookup.values);
};

const checkSpf = async (resolver: DnsResolver, record: DnsRecord, mechanisms: string[]): Promise<Check> => {
  const lookup = await txt(resolver, record.name);
  if (!lookup.ok) return notFound(lookup, `No SPF record (v=spf1) at ${record.name}.`);
  const spf = lookup.values.filter((value) => /^v=spf1(\s|$)/i.test(value));
  if (spf.length === 0) return fail(`No SPF record (v=spf1) at ${record.name}.`, lookup.values);
  if (spf.length > 1) return fail(`${spf.length} SPF records at ${record.name}: receivers treat that as an error (permerror). Merge them into one.`, spf);
  const terms = new Set(spf[0]!.toLowerCase().split(/\s+/).map((term) => term.replace(/^\+/, "")));
  const missing = mechanisms.filter((mechanism) => !terms.has(mechanism.toLowerCase()));
  if (missing.length) return fail(`The SPF record does not list ${missing.join(", ")}.`, spf);
  return pass(mechanisms.length ? "The SPF record lists Herald's sending servers." : "The domain has one SPF record.", spf);
};

const checkDmarc = async (resolver: DnsResolver, record: DnsRecord, domain: string): Promise<Check> => {
  // A subdomain without its own record falls under its parent's (RFC 7489 §6.6.3); without the public
  // suffix list, every parent with two or more labels is tried.
  const labels = domain.split(".");
  for (let i = 0; i <= labels.length - 2; i++) {
    const name = `_dmarc.${labels.slice(i).join(".")}`;
    const lookup = await txt(resolver, name);
    if (!lookup.ok && !lookup.missing) return fail(lookup.reason, [], true);
    const dmarc = lookup.ok ? lookup.values.filter((value) => /^v=DMARC1\s*(;|$)/i.test(value)) : [];
    if (dmarc.length === 0) continue;
    if (dmarc.length > 1) return fail(`${dmarc.length} DMARC records at ${name}: receivers ignore them all. Keep one.`, dmarc);
    const policy = tags(dmarc[0]!).get("p");
    if (!policy) return fail(`The DMARC record at ${name} has no p= policy.`, dmarc);
    const where = name === record.name ? "" : ` (from ${name}, which covers this subdomain)`;
    return pass(`DMARC policy p=${policy}${where}.`, dmarc);
  }
  return fail(`No DMARC record (v=DMARC1) at ${record.name}.`);
};

const checkReturnPath = async (resolver: DnsResolver, record: DnsRecord, bounceHost: string): Promise<Check> => {
  try {
    const mx = (await resolver.resolveMx(record.name)).map((entry) => entry.exchange.toLowerCase().replace(/\.$/, ""));
    if (mx.includes(bounceHost.toLowerCase())) return pass(`Bounces to ${record.name} reach ${bounceHost}.`, mx);
    return fail(`The MX record at ${record.name} points to ${mx.join(", ")}, not ${bounceHost}.`, mx);
  } catch (error) {
    if (isMissingRecord(error)) return fail(`No MX record at ${record.name} (optional until bounce handling lands).`);
    return fail(lookupFailure(error), [], true);
  }
};

/** Looks every record up at once; only DKIM decides whether the domain is verified. */
export const checkDnsRecords = async (
  domain: { domain: string; dkimSelector: string; dkimPublicKey: string },
  resolver: DnsResolver,
  settings: DnsSettings,
  now = new Date(),
): Promise<DomainCheckResult> => {
  const records = dnsRecordsFor(domain, settings);
  const checks = await Promise.all(
    records.map((record) => {
      switch (record.key) {
        case "dkim":
          return checkDkim(resolver, record, domain.dkimPublicKey);
        case "spf":
          return checkSpf(resolver, record, settings.spfMechanisms);
        case "dmarc":
          return checkDmarc(resolver, record, domain.domain);
        case "return_path":
          return checkReturnPath(resolver, record, settings.bounceHost);
      }
    }),
  );
  const results = records.map((record, i) => ({ key: record.key, name: record.name, required: record.required, ...checks[i]! }));
  return { checkedAt: now.toISOString(), verified: results.every((result) => !result.required || result.status === "pass"), records: results };
};
