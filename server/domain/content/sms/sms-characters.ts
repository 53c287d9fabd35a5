import { codePointLabel, isGsm7, isGsm7Basic } from "./sms-encoding";

/**
 * GSM-7 stand-ins for characters that word processors and phones slip into copy. One of them is
 * enough to turn a whole message into UCS-2, which more than halves what a segment holds (160 → 70),
 * so swapping them is usually the cheapest fix. Only punctuation, spaces and invisible characters
 * are here: letters (ç, á, ą, 中) carry meaning and are never changed behind the marketer's back.
 */
export const LOOKALIKES: Readonly<Record<string, string>> = {
  // Quotes and primes
  "\u2018": "'", // ‘
  "\u2019": "'", // ’
  "\u201A": "'", // ‚
  "\u201B": "'", // ‛
  "\u2032": "'", // ′
  "\u2039": "'", // ‹
  "\u203A": "'", // ›
  "\u00B4": "'", // ´
  "`": "'",
  "\u201C": '"', // “
  "\u201D": '"', // ”
  "\u201E": '"', // „
  "\u201F": '"', // ‟
  "\u2033": '"', // ″
  "\u00AB": '"', // «
  "\u00BB": '"', // »
  // Dashes, hyphens and minus
  "\u2010": "-", // ‐
  "\u2011": "-", // non-breaking hyphen
  "\u2012": "-", // ‒
  "\u2013": "-", // –
  "\u2014": "-", // —
  "\u2015": "-", // ―
  "\u2212": "-", // −
  // Ellipsis, bullets and other punctuation
  "\u2026": "...", // …
  "\u2022": "-", // •
  "\u2023": "-", // ‣
  "\u2043": "-", // ⁃
  "\u00B7": ".", // ·
  "\u2044": "/", // ⁄
  "\u203C": "!!", // ‼
  "\u00D7": "x", // ×
  "\u02C6": "^", // ˆ
  "\u02DC": "~", // ˜
  // Spaces: no-break, en/em and friends, ideographic; tab is not GSM-7 either
  "\t": " ",
  "\u00A0": " ",
  "\u1680": " ",
  "\u2000": " ",
  "\u2001": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\u2004": " ",
  "\u2005": " ",
  "\u2006": " ",
  "\u2007": " ",
  "\u2008": " ",
  "\u2009": " ",
  "\u200A": " ",
  "\u202F": " ",
  "\u205F": " ",
  "\u3000": " ",
  "\u2028": "\n", // line separator
  "\u2029": "\n", // paragraph separator
  // Invisible: zero-width space, word joiner, soft hyphen, byte-order mark. (Not the zero-width
  // joiner, which holds emoji sequences together; a message with emoji is UCS-2 anyway.)
  "\u200B": "",
  "\u2060": "",
  "\u00AD": "",
  "\uFEFF": "",
};

/** What a pass changed or removed: each character once, with how many times. */
export type CharacterChange = { char: string; codePoint: string; count: number; replacement?: string };

const tally = (changes: Map<string, CharacterChange>, char: string, replacement?: string) => {
  const entry = changes.get(char) ?? { char, codePoint: codePointLabel(char), count: 0, ...(replacement !== undefined ? { replacement } : {}) };
  entry.count++;
  changes.set(char, entry);
};

export const hasLookalike = (char: string) => Object.hasOwn(LOOKALIKES, char);

/** Swaps every known lookalike for its GSM-7 stand-in; everything else is left as written. */
export const replaceLookalikes = (text: string): { text: string; replaced: CharacterChange[] } => {
  const replaced = new Map<string, CharacterChange>();
  let out = "";
  for (const char of text) {
    if (hasLookalike(char)) {
      out += LOOKALIKES[char];
      tally(replaced, char, LOOKALIKES[char]);
    } else out += char;
  }
  return { text: out, replaced: [...replaced.values()] };
};

/** The character sets a route can carry (the sms_charset enum). */
export type SmsCharset = "ucs2" | "gsm7" | "gsm7_basic";

const KEEPS: Record<SmsCharset, (char: string) => boolean> = {
  ucs2: () => true,
  gsm7: isGsm7,
  gsm7_basic: isGsm7Basic,
};

/**
 * Drops what the route cannot carry: on a GSM-7 route every non-GSM character (a gateway would
 * otherwise turn them into "?" or refuse the message), on a GSM-7-basic route the extension
 * characters (€ [ ] { } ~ ^ | \ and form feed) as well. A UCS-2 route carries everything.
 * Emoji go as a whole (never half a surrogate pair).
 */
export const stripForCharset = (text: string, charset: SmsCharset): { text: string; removed: CharacterChange[] } => {
  if (charset === "ucs2") return { text, removed: [] };
  const keeps = KEEPS[charset];
  const removed = new Map<string, CharacterChange>();
  let out = "";
  for (const char of text) {
    if (keeps(char)) out += char;
    else tally(removed, char);
  }
  return { text: out, removed: [...removed.values()] };
};
