import { isIP } from "node:net";
import { z } from "zod";
import { allowPrivateUrls, checkPublicUrl, isPrivateAddress } from "@/server/net/fetch-public-url";

/**
 * How a route reaches its provider (sms_routes.provider). Secrets (the SMPP password, HTTP header
 * values) are write-only: stored here, never sent back to the browser; an update that leaves them
 * out keeps the stored ones.
 */

const NUMERIC_SENDER = /^\+?\d{1,15}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 .&-]{1,11}$/;

export const ZSourceAddr = z
  .string({ message: "Enter the sender: a number or a name of up to 11 letters and digits" })
  .trim()
  .refine((value) => NUMERIC_SENDER.test(value) || ALPHANUMERIC_SENDER.test(value), "The sender must be a number of up to 15 digits or a name of up to 11 letters and digits");

const privateHost = (host: string) => {
  if (allowPrivateUrls()) return false;
  const bare = host.replace(/^\[|\]$/g, "");
  if (isIP(bare)) return isPrivateAddress(bare);
  return bare === "localhost" || bare.endsWith(".localhost") || bare.endsWith(".local") || bare.endsWith(".internal");
};

const ZHost = z
  .string({ message: "Enter the SMSC's host name" })
  .trim()
  .min(1, "Enter the SMSC's host name, such as smpp.provider.example")
  .max(253, "The host name is too long")
  .refine((host) => /^[A-Za-z0-9.:\-[\]]+$/.test(host), "Enter a host name or IP address without a scheme or port")
  .refine((host) => !privateHost(host), "This host is on a private network, which Herald does not connect to");

// SMPP 3.4 C-Octet strings: system_id 16, password 9, system_type 13 octets including the terminating NUL.
export const ZSmppProviderInput = z.object({
  kind: z.literal("smpp"),
  host: ZHost,
  port: z.number({ message: "Enter the port, usually 2775" }).int("The port is a whole number").min(1, "The port is 1 to 65535").max(65535, "The port is 1 to 65535").default(2775),
  systemId: z.string({ message: "Enter the system id your provider gave you" }).trim().min(1, "Enter the system id your provider gave you").max(15, "The system id is at most 15 characters"),
  /** Optional on update: left out, the stored password stays. */
  password: z.string().max(8, "SMPP passwords are at most 8 characters").optional(),
  systemType: z.string().trim().max(12, "The system type is at most 12 characters").default(""),
  sourceAddr: ZSourceAddr,
  tls: z.boolean().default(false),
});

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const RESERVED_HEADERS = new Set(["host", "content-length", "content-type", "transfer-encoding", "connection"]);

export const ZHttpProviderInput = z.object({
  kind: z.literal("http"),
  url: z
    .string({ message: "Enter the provider's URL" })
    .trim()
    .min(1, "Enter the provider's URL, starting with https://")
    .superRefine((url, context) => {
      const checked = checkPublicUrl(url);
      if (!checked.ok) context.addIssue({ code: "custom", message: checked.reason });
    }),
  /** Optional on update: left out, the stored headers stay. */
  headers: z
    .record(z.string(), z.string().max(4000, "A header value is at most 4,000 characters").refine((v) => !/[\r\n]/.test(v), "A header value cannot span lines"))
    .refine((headers) => Object.keys(headers).every((name) => HEADER_NAME.test(name)), "Header names are letters, digits and - only")
    .refine((headers) => Object.keys(headers).every((name) => !RESERVED_HEADERS.has(name.toLowerCase())), "Host, Content-Type and Content-Length are set by Herald")
    .refine((headers) => Object.keys(headers).length <= 20, "At most 20 headers")
    .optional(),
  sourceAddr: ZSourceAddr,
});

export const ZSmsProviderInput = z.discriminatedUnion("kind", [ZSmppProviderInput, ZHttpProviderInput], {
  message: "The provider kind is smpp or http",
});
export type SmsProviderInput = z.output<typeof ZSmsProviderInput>;

export type SmppProvider = Omit<z.output<typeof ZSmppProviderInput>, "password"> & { password: string };
export type HttpProvider = Omit<z.output<typeof ZHttpProviderInput>, "headers"> & { headers: Record<string, string> };
export type SmsProvider = SmppProvider | HttpProvider;

/** What the browser and API see: no password, no header values. */
export type PublicSmsProvider =
  | (Omit<SmppProvider, "password"> & { passwordSet: boolean })
  | (Omit<HttpProvider, "headers"> & { headerNames: string[] });

/**
 * The provider to store: the input, with the password and headers carried over from the stored one
 * when the input leaves them out (and the kind did not change). Returns a problem keyed by field
 * when a new SMPP provider has no password.
 */
export const mergeProvider = (input: SmsProviderInput, stored: unknown): { ok: true; provider: SmsProvider } | { ok: false; field: string; message: string } => {
  const previous = readStoredProvider(stored);
  if (input.kind === "smpp") {
    const password = input.password || (previous?.kind === "smpp" ? previous.password : "");
    if (!password) return { ok: false, field: "provider.password", message: "Enter the password your provider gave you" };
    return { ok: true, provider: { ...input, password } };
  }
  const headers = input.headers ?? (previous?.kind === "http" ? previous.headers : {});
  return { ok: true, provider: { ...input, headers } };
};

/** The stored jsonb as a provider, or null when it is empty or not one (an older shape). */
export const readStoredProvider = (stored: unknown): SmsProvider | null => {
  if (!stored || typeof stored !== "object") return null;
  const value = stored as Record<string, unknown>;
  if (value.kind === "smpp" && typeof value.host === "string" && typeof value.password === "string") return value as unknown as SmppProvider;
  if (value.kind === "http" && typeof value.url === "string") return { ...(value as unknown as HttpProvider), headers: (value.headers as Record<string, string>) ?? {} };
  return null;
};

export const publicProvider = (stored: unknown): PublicSmsProvider | null => {
  const provider = readStoredProvider(stored);
  if (!provider) return null;
  if (provider.kind === "smpp") {
    const { password, ...rest } = provider;
    return { ...rest, passwordSet: password.length > 0 };
  }
  const { headers, ...rest } = provider;
  return { ...rest, headerNames: Object.keys(headers) };
};
