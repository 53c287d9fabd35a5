/**
 * How a text message is encoded and cut into segments, counted the way carriers bill it (3GPP TS 23.038
 * and 23.040). Pure: the composer imports it in the browser so the counter updates as the marketer types,
 * and renderSms uses the same code for the cost, so the two can never disagree.
 */

/** GSM 03.38 default alphabet: one septet each. (0x1B, the escape to the extension table, is not a character.) */
export const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/** The extension table: each is sent as ESC + a septet, so it costs two. */
export const GSM7_EXTENSION = "\f^{}\\[~]|€";

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = "gsm7" | "ucs2";

/** Per segment: alone, and when concatenated (the rest of the 140 bytes carries the 6-byte UDH). */
export const SEGMENT_LIMITS = {
  gsm7: { single: 160, multi: 153 },
  ucs2: { single: 70, multi: 67 },
} as const satisfies Record<SmsEncoding, { single: number; multi: number }>;

export const isGsm7Basic = (char: string) => BASIC.has(char);
export const isGsm7Extension = (char: string) => EXTENSION.has(char);
export const isGsm7 = (char: string) => BASIC.has(char) || EXTENSION.has(char);

/** A character outside GSM-7 and every UTF-16 offset it appears at (for highlighting in the composer). */
export type Ucs2Character = { char: string; codePoint: string; offsets: number[] };

export type SmsCount = {
  encoding: SmsEncoding;
  /** Septets for GSM-7 (extension characters count two), UTF-16 code units for UCS-2. */
  units: number;
  /** 0 for an empty message. */
  segments: number;
  /** Units still free in the last segment before another one starts. */
  remaining: number;
  /** Units one segment holds at this length: the single limit, or the per-part limit once concatenated. */
  perSegment: number;
  /** Why the message is UCS-2 (empty for GSM-7), in order of first appearance. */
  ucs2Characters: Ucs2Character[];
};

export const codePointLabel = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Every character that keeps the text out of GSM-7, with where it is. */
export const findUcs2Characters = (text: string): Ucs2Character[] => {
  const found = new Map<string, Ucs2Character>();
  let offset = 0;
  // for..of walks code points, so an emoji is one character and never two half surrogates.
  for (const char of text) {
    if (!isGsm7(char)) {
      const entry = found.get(char) ?? { char, codePoint: codePointLabel(char), offsets: [] };
      entry.offsets.push(offset);
      found.set(char, entry);
    }
    offset += char.length;
  }
  return [...found.values()];
};

export const detectEncoding = (text: string): SmsEncoding => {
  for (const char of text) if (!isGsm7(char)) return "ucs2";
  return "gsm7";
};

/**
 * Units per character in the chosen encoding. The indivisible pieces are what a part boundary must not
 * cut: an escape pair in GSM-7, a surrogate pair in UCS-2 (both count 2).
 */
const unitCosts = (text: string, encoding: SmsEncoding): number[] => {
  const costs: number[] = [];
  for (const char of text) costs.push(encoding === "gsm7" ? (EXTENSION.has(char) ? 2 : 1) : char.length);
  return costs;
};

/**
 * Splits as carriers do: fill a part up to its limit, and when the next character does not fit whole
 * (an escape pair with one septet left, an emoji with one code unit left) start a new part, leaving
 * the last unit of the previous one empty. That is why 152 letters + "€" + 152 letters is three
 * segments, not the two that dividing 306 septets by 153 suggests.
 */
const countParts = (costs: number[], limits: { single: number; multi: number }) => {
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  if (units <= limits.single) {
    return { units, segments: units === 0 ? 0 : 1, remaining: limits.single - units, perSegment: limits.single };
  }
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > limits.multi) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { units, segments, remaining: limits.multi - used, perSegment: limits.multi };
};

/** Encoding, length and segment count of a message exactly as it would be sent. */
export const countSms = (text: string): SmsCount => {
  const ucs2Characters = findUcs2Characters(text);
  const encoding: SmsEncoding = ucs2Characters.length ? "ucs2" : "gsm7";
  return { encoding, ...countParts(unitCosts(text, encoding), SEGMENT_LIMITS[encoding]), ucs2Characters };
};

/**
 * The message cut into its parts as sent (each a string), for previews that show where a new
 * segment begins. Uses the same rule as countSms, so parts.length === countSms(text).segments.
 */
export const splitSms = (text: string): string[] => {
  const encoding = detectEncoding(text);
  const limits = SEGMENT_LIMITS[encoding];
  const chars = [...text];
  const costs = unitCosts(text, encoding);
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  if (total === 0) return [];
  if (total <= limits.single) return [text];
  const parts: string[] = [];
  let current = "";
  let used = 0;
  chars.forEach((char, index) => {
    const cost = costs[index]!;
    if (used + cost > limits.multi) {
      parts.push(current);
      current = "";
      used = 0;
    }
    current += char;
    used += cost;
  });
  parts.push(current);
  return parts;
};
