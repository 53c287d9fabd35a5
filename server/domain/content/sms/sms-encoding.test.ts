import { describe, expect, it } from "vitest";
import { countSms, detectEncoding, findUcs2Characters, GSM7_BASIC, GSM7_EXTENSION, splitSms } from "./sms-encoding";

const a = (n: number) => "a".repeat(n);
const count = (text: string) => {
  const { encoding, units, segments, remaining } = countSms(text);
  return { encoding, units, segments, remaining };
};

describe("GSM 03.38 tables", () => {
  it("holds the 127 basic characters and the 10 extension ones, no overlap", () => {
    expect([...GSM7_BASIC]).toHaveLength(127);
    expect([...GSM7_EXTENSION]).toEqual(["\f", "^", "{", "}", "\\", "[", "~", "]", "|", "€"]);
    for (const char of GSM7_EXTENSION) expect(GSM7_BASIC.includes(char)).toBe(false);
  });

  it("keeps accented letters that really are GSM-7 (é è ù ì ò Ç Ä Ö Ñ Ü ß ¿ ¡ £ ¥ Greek capitals)", () => {
    expect(detectEncoding("Café crème, Ñoño, Übermaß, ¿Où? ¡Sì! Ça £5 ¥9 ΔΦΓΛΩΠΨΣΘΞ")).toBe("gsm7");
  });

  it("does not count the look-alikes that are not in it (ç, á, í, ó, ú, ê, `, tab)", () => {
    for (const char of ["ç", "á", "í", "ó", "ú", "ê", "`", "\t", "ą", "’"]) expect(detectEncoding(`x${char}`), char).toBe("ucs2");
  });
});

describe("GSM-7 segments: 160 alone, 153 per part", () => {
  it.each([
    [0, 0, 160],
    [1, 1, 159],
    [160, 1, 0],
    [161, 2, 145],
    [306, 2, 0],
    [307, 3, 152],
    [459, 3, 0],
    [460, 4, 152],
  ])("%i letters are %i segment(s) with %i left", (length, segments, remaining) => {
    expect(count(a(length))).toEqual({ encoding: "gsm7", units: length, segments, remaining });
  });

  it("counts extension characters as two septets", () => {
    expect(count("€".repeat(80))).toEqual({ encoding: "gsm7", units: 160, segments: 1, remaining: 0 });
    expect(count("€".repeat(81))).toMatchObject({ units: 162, segments: 2 });
    expect(count("{}[]~^|\\\f€")).toMatchObject({ encoding: "gsm7", units: 20, segments: 1, remaining: 140 });
    expect(count(`${a(159)}^`)).toMatchObject({ units: 161, segments: 2 });
  });

  it("never splits an escape pair across parts", () => {
    // 152 + 2 does not fit in 153: the "€" opens part two, leaving one septet of part one empty.
    expect(count(`${a(152)}€${a(10)}`)).toEqual({ encoding: "gsm7", units: 164, segments: 2, remaining: 141 });
    expect(splitSms(`${a(152)}€${a(10)}`)).toEqual([a(152), `€${a(10)}`]);
    // 306 septets would be exactly two parts if escapes could be cut; they cannot, so it takes three.
    expect(count(`${a(152)}€${a(152)}`)).toEqual({ encoding: "gsm7", units: 306, segments: 3, remaining: 152 });
    // With the "€" one septet earlier it fits whole at the end of part one.
    expect(count(`${a(151)}€${a(153)}`)).toEqual({ encoding: "gsm7", units: 306, segments: 2, remaining: 0 });
  });
});

describe("UCS-2 segments: 70 alone, 67 per part, in UTF-16 code units", () => {
  it.each([
    ["ą", 70, 1, 0],
    ["ą", 71, 2, 63],
    ["ą", 134, 2, 0],
    ["ą", 135, 3, 66],
    ["中", 70, 1, 0],
    ["中", 71, 2, 63],
  ])("%s × %i is %i segment(s) with %i left", (char, length, segments, remaining) => {
    expect(count(char.repeat(length))).toEqual({ encoding: "ucs2", units: length, segments, remaining });
  });

  it("makes a whole message UCS-2 for one character, so 160 letters and a ’ is three segments", () => {
    expect(count(`${a(160)}’`)).toEqual({ encoding: "ucs2", units: 161, segments: 3, remaining: 40 });
    expect(count(`${a(69)}’`)).toEqual({ encoding: "ucs2", units: 70, segments: 1, remaining: 0 });
  });

  it("counts an emoji as two code units", () => {
    expect(count("😀".repeat(35))).toEqual({ encoding: "ucs2", units: 70, segments: 1, remaining: 0 });
    expect(count(`${a(69)}😀`)).toMatchObject({ units: 71, segments: 2 });
    // 36 emoji: 33 fill 66 units of part one, the 34th (67 + 1) opens part two.
    expect(count("😀".repeat(36))).toEqual({ encoding: "ucs2", units: 72, segments: 2, remaining: 61 });
  });

  it("never splits a surrogate pair across parts", () => {
    expect(count(`${"ą".repeat(66)}😀${"ą".repeat(5)}`)).toEqual({ encoding: "ucs2", units: 73, segments: 2, remaining: 60 });
    const parts = splitSms(`${"ą".repeat(66)}😀${"ą".repeat(66)}`);
    expect(parts.map((part) => part.length)).toEqual([66, 67, 1]);
    expect(parts[1]!.startsWith("😀")).toBe(true);
    expect(count(`${"ą".repeat(66)}😀${"ą".repeat(66)}`)).toMatchObject({ units: 134, segments: 3 });
  });

  it("splits into exactly as many parts as it counts", () => {
    for (const text of [a(500), "€".repeat(200), "中".repeat(300), "😀".repeat(101), `${a(152)}€`.repeat(4), ""]) {
      expect(splitSms(text)).toHaveLength(countSms(text).segments);
      expect(splitSms(text).join("")).toBe(text);
    }
  });
});

describe("characters that force UCS-2", () => {
  it("lists each once with its code point and every UTF-16 offset, emoji as one character", () => {
    expect(findUcs2Characters("It’s “ok” 😀 it’s")).toEqual([
      { char: "’", codePoint: "U+2019", offsets: [2, 15] },
      { char: "“", codePoint: "U+201C", offsets: [5] },
      { char: "”", codePoint: "U+201D", offsets: [8] },
      { char: "😀", codePoint: "U+1F600", offsets: [10] },
    ]);
    expect(countSms("plain {text} €5").ucs2Characters).toEqual([]);
  });
});
