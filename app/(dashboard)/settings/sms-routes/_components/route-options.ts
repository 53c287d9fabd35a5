import type { SmsCharset } from "@/server/domain/content/sms/sms-characters";

/** What the server page hands down (the rules live in server/domain; the client only shows them). */
export type MarketOption = { code: string; label: string };
export type CharsetOption = { charset: SmsCharset; label: string };

export const CHARSET_SHORT: Record<SmsCharset, string> = { ucs2: "Unicode", gsm7: "GSM-7", gsm7_basic: "GSM-7 basic" };

export const formatCredits = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 4 });
