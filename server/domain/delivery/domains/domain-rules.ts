import { randomInt } from "node:crypto";
import { domainToASCII } from "node:url";
import { z } from "zod";
import { sendingDomains } from "@/drizzle/schema";
import { uniqueViolation } from "@/server/domain/contacts/unique-violation";
import { AppError } from "@/server/errors";

export const ZSendingDomainId = z.uuid({ message: "domainId must be a sending domain id" });
export const ZSendingDomainRef = z.object({ domainId: ZSendingDomainId });

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A hostname people send from: lowercased, any trailing dot dropped, Unicode names in their ASCII
 * (A-label) form, since that is what DNS and the DKIM d= tag use.
 */
export const ZDomainName = z
  .string({ message: "Enter a domain, like mail.acme.com" })
  .trim()
  .min(1, "Enter a domain, like mail.acme.com")
  .transform((value, context) => {
    const bare = value.toLowerCase().replace(/\.$/, "");
    const problem = bare.includes("@")
      ? "Enter only the part after the @, like acme.com"
      : /[/:\s]/.test(bare)
        ? "Enter just the domain, without http:// or a path, like mail.acme.com"
        : null;
    const ascii = problem ? "" : domainToASCII(bare);
    const labels = ascii.split(".");
    const valid =
      ascii.length > 0 && ascii.length <= 253 && labels.length >= 2 && labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(labels.at(-1)!);
    if (!valid) {
      context.addIssue({ code: "custom", message: problem ?? `“${value}” is not a domain name; enter one like mail.acme.com` });
      return z.NEVER;
    }
    return ascii;
  });

/**
 * The DKIM selector for a new key: "herald" and the month (so a rotated key is easy to date), plus four
 * random characters. Those keep selectors apart when two workspaces add the same domain or one re-adds
 * it: each key gets its own DNS name, and receivers' caches of an old key never meet a new one.
 */
export const newDkimSelector = (now = new Date()) => {
  const month = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  const suffix = Array.from({ length: 4 }, () => "abcdefghijkmnpqrstuvwxyz23456789"[randomInt(32)]).join("");
  return `herald${month}${suffix}`;
};

/** What the API shows of a sending domain: everything but the private key. */
export const publicDomainColumns = {
  id: sendingDomains.id,
  domain: sendingDomains.domain,
  dkimSelector: sendingDomains.dkimSelector,
  dkimPublicKey: sendingDomains.dkimPublicKey,
  verifiedAt: sendingDomains.verifiedAt,
  lastCheckedAt: sendingDomains.lastCheckedAt,
  lastCheckResult: sendingDomains.lastCheckResult,
  createdAt: sendingDomains.createdAt,
};

export const withDomainConflict = async <T>(domain: string, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (uniqueViolation(error) === "sending_domains_workspace_domain_key") {
      const message = `${domain} is already a sending domain in this workspace`;
      throw new AppError("CONFLICT", message, { domain: [message] });
    }
    throw error;
  }
};

/**
 * The sender's domain and its parents, longest first (news.mail.acme.com, mail.acme.com, acme.com):
 * a key for acme.com also signs mail from its subdomains, and DMARC's relaxed alignment accepts that.
 */
export const domainCandidates = (email: string): string[] => {
  const at = email.lastIndexOf("@");
  const domain = domainToASCII(email.slice(at + 1).trim().replace(/>$/, "").replace(/\.$/, "").toLowerCase());
  if (at < 0 || !domain) return [];
  const labels = domain.split(".");
  const candidates: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) candidates.push(labels.slice(i).join("."));
  return candidates;
};
