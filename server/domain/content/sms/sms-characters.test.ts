import { describe, expect, it } from "vitest";
import { LOOKALIKES, replaceLookalikes, stripForCharset } from "./sms-characters";
import { countSms, detectEncoding, isGsm7 } from "./sms-encoding";

describe("replaceLookalikes", () => {
  it("swaps smart quotes, dashes, ellipsis, bullets and odd spaces, turning the message back into GSM-7", () => {
    const source = "“Sale” – it’s on… •\u00A010%\u2009off — don\u2019t miss\u200B it";
    expect(detectEncoding(source)).toBe("ucs2");
    const { text, replaced } = replaceLookalikes(source);
    expect(text).toBe(`"Sale" - it's on... - 10% off - don't miss it`);
    expect(detectEncoding(text)).toBe("gsm7");
    expect(replaced).toEqual([
      { char: "“", codePoint: "U+201C", count: 1, replacement: '"' },
      { char: "”", codePoint: "U+201D", count: 1, replacement: '"' },
      { char: "–", codePoint: "U+2013", count: 1, replacement: "-" },
      { char: "’", codePoint: "U+2019", count: 2, replacement: "'" },
      { char: "…", codePoint: "U+2026", count: 1, replacement: "..." },
      { char: "•", codePoint: "U+2022", count: 1, replacement: "-" },
      { char: "\u00A0", codePoint: "U+00A0", count: 1, replacement: " " },
      { char: "\u2009", codePoint: "U+2009", count: 1, replacement: " " },
      { char: "—", codePoint: "U+2014", count: 1, replacement: "-" },
      { char: "\u200B", codePoint: "U+200B", count: 1, replacement: "" },
    ]);
  });

  it("brings 160 characters with one smart quote from three UCS-2 segments down to one GSM-7 segment", () => {
    const source = `It’s ${"a".repeat(155)}`;
    expect(countSms(source)).toMatchObject({ encoding: "ucs2", segments: 3 });
    expect(countSms(replaceLookalikes(source).text)).toMatchObject({ encoding: "gsm7", segments: 1, remaining: 0 });
  });

  it("leaves letters, CJK and emoji alone (they carry meaning), and GSM-7 text untouched", () => {
    const source = "Façade ąę 你好 😀 café";
    expect(replaceLookalikes(source)).toEqual({ text: source, replaced: [] });
    expect(replaceLookalikes("Plain {text} €5")).toEqual({ text: "Plain {text} €5", replaced: [] });
  });

  it("only ever substitutes GSM-7, and never maps a character that is already GSM-7", () => {
    for (const [from, to] of Object.entries(LOOKALIKES)) {
      expect(isGsm7(from), `${from} is already GSM-7`).toBe(false);
      for (const char of to) expect(isGsm7(char), `${from} → ${to}`).toBe(true);
    }
  });
});

describe("stripForCharset", () => {
  const text = "Hi {name} 😀, 50% off ‘today’ at €5 – 你好 [now]";

  it("keeps everything on a UCS-2 route", () => {
    expect(stripForCharset(text, "ucs2")).toEqual({ text, removed: [] });
  });

  it("drops non-GSM characters on a GSM-7 route, emoji whole, and says what went", () => {
    const { text: out, removed } = stripForCharset(text, "gsm7");
    expect(out).toBe("Hi {name} , 50% off today at €5   [now]");
    expect(out.includes("\uD83D")).toBe(false);
    expect(detectEncoding(out)).toBe("gsm7");
    expect(removed).toEqual([
      { char: "😀", codePoint: "U+1F600", count: 1 },
      { char: "‘", codePoint: "U+2018", count: 1 },
      { char: "’", codePoint: "U+2019", count: 1 },
      { char: "–", codePoint: "U+2013", count: 1 },
      { char: "你", codePoint: "U+4F60", count: 1 },
      { char: "好", codePoint: "U+597D", count: 1 },
    ]);
  });

  it("also drops the extension table on a GSM-7-basic route", () => {
    const { text: out, removed } = stripForCharset("Price: €5 {code} [a|b] ~x^ \\ ok", "gsm7_basic");
    expect(out).toBe("Price: 5 code ab x  ok");
    expect(removed.map((change) => [change.char, change.count])).toEqual([
      ["€", 1],
      ["{", 1],
      ["}", 1],
      ["[", 1],
      ["|", 1],
      ["]", 1],
      ["~", 1],
      ["^", 1],
      ["\\", 1],
    ]);
    // Septet-wise this is now plain basic GSM-7: every character costs one.
    expect(countSms(out).units).toBe(out.length);
  });
});
