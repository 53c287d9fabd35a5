import { z } from "zod";

/** Markets a route can serve: Hong Kong, Macau, Taiwan, mainland China, and INTL for everywhere else. */
export const SMS_MARKETS = ["HK", "MO", "TW", "CN", "INTL"] as const;
export type SmsMarket = (typeof SMS_MARKETS)[number];

export const SMS_MARKET_LABELS: Record<SmsMarket, string> = {
  HK: "Hong Kong",
  MO: "Macau",
  TW: "Taiwan",
  CN: "Mainland China",
  INTL: "International (the rest)",
};

export const SMS_CHARSETS = ["ucs2", "gsm7", "gsm7_basic"] as const;
export const SMS_CHARSET_LABELS: Record<(typeof SMS_CHARSETS)[number], string> = {
  ucs2: "Unicode (UCS-2): any character, 70 per segment",
  gsm7: "GSM-7 with extension table: 160 per segment, other characters removed",
  gsm7_basic: "GSM-7 basic only: also removes € [ ] { } ~ ^ | \\",
};

export const SMS_CHARACTER_POLICIES = ["keep", "replace"] as const;

export const ZSmsRouteId = z.uuid({ message: "routeId must be an SMS route id" });
export const ZSmsTemplateId = z.uuid({ message: "templateId must be an SMS template id" });

export const ZSmsRouteName = z
  .string({ message: "Enter a name" })
  .trim()
  .min(1, "Give the route a name, such as HK direct")
  .max(100, "Name must be at most 100 characters");

const KNOWN_MARKETS = new Set<string>(SMS_MARKETS);

// Checked as a whole (not z.enum per item) so a wrong market is reported on "markets", where the form shows it.
export const ZSmsMarkets = z
  .array(z.string({ message: "Each market must be a market code" }), { message: "Choose at least one market" })
  .min(1, "Choose at least one market")
  .superRefine((markets, context) => {
    const unknown = [...new Set(markets.filter((market) => !KNOWN_MARKETS.has(market)))];
    if (unknown.length) {
      context.addIssue({
        code: "custom",
        message: `${unknown.map((market) => `“${market}”`).join(", ")} ${unknown.length === 1 ? "is not a market" : "are not markets"}; choose from ${SMS_MARKETS.join(", ")}`,
      });
    }
  })
  // Order and repeats carry no meaning; stored in SMS_MARKETS order so lists read the same everywhere.
  .transform((markets) => SMS_MARKETS.filter((market) => markets.includes(market)));

/** Credits per segment, as the numeric(12, 4) column holds it. */
export const ZPricePerSegment = z
  .number({ message: "Enter a price per segment, such as 0.05" })
  .finite("Enter a price per segment, such as 0.05")
  .min(0, "The price cannot be negative")
  .max(99_999_999, "The price must be below 100,000,000 credits")
  .refine((price) => Math.abs(Math.round(price * 10_000) - price * 10_000) < 1e-6, "Use at most 4 decimal places");

export const ZSmsCharset = z.enum(SMS_CHARSETS, { message: `Character set must be one of ${SMS_CHARSETS.join(", ")}` });

export const ZSmsTemplateName = z
  .string({ message: "Enter a name" })
  .trim()
  .min(1, "Give the template a name, such as Flash sale")
  .max(200, "Name must be at most 200 characters");

/**
 * Far past the ten or so segments carriers concatenate, even with Liquid markup. Also what keeps the
 * preview a GET: a draft travels in the query string, and 1,000 CJK characters or emoji percent-encode
 * to 9-12 KB, inside Node's 16 KB header limit (2,000 would not be).
 */
export const MAX_SMS_BODY = 1000;
export const ZSmsBody = z.string({ message: "Enter the message" }).max(MAX_SMS_BODY, `The message must be at most ${MAX_SMS_BODY} characters`);
export const ZOptOutFooter = z
  .string({ message: "Enter a footer or leave it empty" })
  .trim()
  .max(200, "The opt-out footer must be at most 200 characters");
export const ZCharacterPolicy = z.enum(SMS_CHARACTER_POLICIES, { message: "Character policy must be keep or replace" });
