import { describe, expect, it } from "vitest";
import { CsvParser, type CsvProblem } from "./csv-parser";
import { chooseEncoding, createDecoder, detectDelimiter, detectNewline, Utf8Check } from "./detect-format";

type Parsed = { records: Array<{ line: number; fields: string[]; raw: string }>; problems: CsvProblem[] };

/** Parses `text` fed in pieces of `pieceSize` characters (a record may straddle pieces). */
const parse = (text: string, { delimiter = ",", newline = "\n" as "\n" | "\r", pieceSize = text.length || 1, maxRecordChars = 1 << 20 } = {}) => {
  const result: Parsed = { records: [], problems: [] };
  const parser: CsvParser = new CsvParser({
    delimiter,
    newline,
    maxRecordChars,
    onRecord: (fields, line) => result.records.push({ line, fields, raw: parser.raw() }),
    onProblem: (problem) => result.problems.push(problem),
  });
  for (let i = 0; i < text.length; i += pieceSize) parser.push(text.slice(i, i + pieceSize));
  parser.end();
  return result;
};

/** The same answer whatever the piece size: whole, one character at a time, and awkward sizes. */
const parseEverywhichWay = (text: string, options: Parameters<typeof parse>[1] = {}) => {
  const whole = parse(text, options);
  for (const pieceSize of [1, 2, 3, 7, 64]) expect(parse(text, { ...options, pieceSize }), `pieces of ${pieceSize}`).toEqual(whole);
  return whole;
};

const rows = (parsed: Parsed) => parsed.records.map((r) => [r.line, ...r.fields]);

describe("CsvParser", () => {
  it("splits plain records and numbers their lines", () => {
    const parsed = parseEverywhichWay("email,name\na@x.io,Ann\nb@x.io,Bob\n");
    expect(rows(parsed)).toEqual([
      [1, "email", "name"],
      [2, "a@x.io", "Ann"],
      [3, "b@x.io", "Bob"],
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it("reads the last record without a final line break, and empty fields", () => {
    expect(rows(parseEverywhichWay("a,b,c\n1,,3\n,,"))).toEqual([
      [1, "a", "b", "c"],
      [2, "1", "", "3"],
      [3, "", "", ""],
    ]);
  });

  it("handles CRLF line breaks, also right after a quoted field", () => {
    const parsed = parseEverywhichWay('a,b\r\n1,"two"\r\n3,4\r\n');
    expect(rows(parsed)).toEqual([
      [1, "a", "b"],
      [2, "1", "two"],
      [3, "3", "4"],
    ]);
    expect(parsed.records[1]!.raw).toBe('1,"two"');
  });

  it("reads quoted fields with delimiters, escaped quotes and line breaks, keeping later line numbers true", () => {
    const text = 'name,note\n"Lee, Ann","said ""hi"""\n"Bob","line one\nline two\r\nline three"\nCat,plain\n';
    const parsed = parseEverywhichWay(text);
    expect(rows(parsed)).toEqual([
      [1, "name", "note"],
      [2, "Lee, Ann", 'said "hi"'],
      [3, "Bob", "line one\nline two\r\nline three"],
      [6, "Cat", "plain"],
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it("reads an empty quoted field and a lone escaped quote", () => {
    expect(rows(parseEverywhichWay('"",""""\n'))).toEqual([[1, "", '"']]);
  });

  it("rejects a quote inside an unquoted field and carries on with the next line", () => {
    const parsed = parseEverywhichWay('a,b\nbad,5\'10"\ngood,1\n');
    expect(rows(parsed)).toEqual([
      [1, "a", "b"],
      [3, "good", "1"],
    ]);
    expect(parsed.problems).toEqual([
      { line: 2, reason: expect.stringMatching(/^bad quoting: a quote inside unquoted column 2/), raw: 'bad,5\'10"' },
    ]);
  });

  it("rejects text after a closing quote", () => {
    const parsed = parseEverywhichWay('a,b\n"x"y,1\nok,2\n');
    expect(parsed.problems).toEqual([{ line: 2, reason: "bad quoting: text after the closing quote of column 1", raw: '"x"y,1' }]);
    expect(rows(parsed).at(-1)).toEqual([3, "ok", "2"]);
  });

  it("reports a quote that never closes on the line it opened, and resumes on the next line", () => {
    const parsed = parseEverywhichWay('email,name\na@x.io,Ann\nb@x.io,"Bob\nc@x.io,Cat\nd@x.io,Dan\n');
    expect(parsed.problems).toEqual([{ line: 3, reason: "bad quoting: a quoted field is never closed", raw: 'b@x.io,"Bob' }]);
    expect(rows(parsed)).toEqual([
      [1, "email", "name"],
      [2, "a@x.io", "Ann"],
      [4, "c@x.io", "Cat"],
      [5, "d@x.io", "Dan"],
    ]);
  });

  it("gives up on an unclosed quote after maxRecordChars instead of swallowing the file", () => {
    const filler = Array.from({ length: 50 }, (_, i) => `r${i}@x.io,Name ${i}`).join("\n");
    const parsed = parse(`email,name\nbad@x.io,"oops\n${filler}\n`, { pieceSize: 64, maxRecordChars: 200 });
    expect(parsed.problems).toEqual([{ line: 2, reason: "bad quoting: a quoted field is never closed", raw: 'bad@x.io,"oops' }]);
    expect(parsed.records).toHaveLength(51);
    expect(parsed.records.at(-1)).toMatchObject({ line: 52, fields: ["r49@x.io", "Name 49"] });
  });

  it("rejects an over-long unquoted line and skips to its end", () => {
    const parsed = parse(`a,b\n${"x".repeat(500)}\nok,1\n`, { pieceSize: 32, maxRecordChars: 100 });
    expect(parsed.problems).toMatchObject([{ line: 2, reason: "the record is longer than 100 characters" }]);
    expect(rows(parsed)).toEqual([
      [1, "a", "b"],
      [3, "ok", "1"],
    ]);
  });

  it("works with other delimiters and bare-CR line breaks", () => {
    expect(rows(parseEverywhichWay('a;b\r"x;y";2\r', { delimiter: ";", newline: "\r" }))).toEqual([
      [1, "a", "b"],
      [2, "x;y", "2"],
    ]);
    expect(rows(parseEverywhichWay("a\tb\n1\t2\n", { delimiter: "\t" }))).toEqual([
      [1, "a", "b"],
      [2, "1", "2"],
    ]);
  });

  it("reports blank lines as a single empty field (the importer skips them)", () => {
    expect(rows(parseEverywhichWay("a\n\n\r\nb\n"))).toEqual([[1, "a"], [2, ""], [3, ""], [4, "b"]]);
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["email,name\na@x.io,Ann\n", ","],
    ["email;name;city\na@x.io;Ann;Paris\nb@x.io;Bob;Lyon\n", ";"],
    ["email\tname\na@x.io\tAnn, Jr\n", "\t"],
    ["email|name\na@x.io|Ann\n", "|"],
    // Commas inside quotes do not count; semicolons split every record the same way.
    ['name;note\n"Lee, Ann";"a, b, c"\nBob;x\n', ";"],
    ["email\na@x.io\n", ","],
  ])("%j → %j", (sample, expected) => expect(detectDelimiter(sample)).toBe(expected));

  it("ignores a last record cut off mid-way when the sample is incomplete", () => {
    expect(detectDelimiter("a;b;c\n1;2;3\n4;5", { complete: false })).toBe(";");
  });
});

describe("detectNewline", () => {
  it("tells bare CR files apart", () => {
    expect(detectNewline("a\r\nb")).toBe("\n");
    expect(detectNewline("a\rb\r")).toBe("\r");
    expect(detectNewline("a")).toBe("\n");
  });
});

describe("encodings", () => {
  const decodeAll = (encoding: Parameters<typeof createDecoder>[0], bytes: Uint8Array, pieceSize: number) => {
    const decoder = createDecoder(encoding);
    let text = "";
    for (let i = 0; i < bytes.length; i += pieceSize) text += decoder.decode(bytes.subarray(i, i + pieceSize));
    return text + decoder.end();
  };
  const check = (bytes: Uint8Array, pieceSize: number) => {
    const utf8 = new Utf8Check();
    for (let i = 0; i < bytes.length; i += pieceSize) utf8.push(bytes.subarray(i, i + pieceSize));
    return utf8.end();
  };

  it("keeps UTF-8, even when characters straddle pieces", () => {
    const bytes = Buffer.from("name\nMüller\nJosé\n陳大文\n😀\n", "utf8");
    for (const size of [1, 2, 3, 5, 1000]) {
      expect(check(bytes, size)).toBe(true);
      expect(decodeAll(chooseEncoding(bytes, true), bytes, size)).toBe("name\nMüller\nJosé\n陳大文\n😀\n");
    }
  });

  it("drops a UTF-8 byte-order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("email\nJosé\n")]);
    expect(chooseEncoding(bytes, check(bytes, 2))).toBe("utf-8-bom");
    expect(decodeAll("utf-8-bom", bytes, 2)).toBe("email\nJosé\n");
  });

  it("falls back to Latin-1 when the bytes are not UTF-8 (Müller, José from an old Excel)", () => {
    const bytes = Buffer.from("name\nM\u00fcller\nJos\u00e9\n\u20ac5\n".replace("\u20ac", "\u0080"), "latin1");
    for (const size of [1, 3, 1000]) expect(check(bytes, size)).toBe(false);
    expect(chooseEncoding(bytes, false)).toBe("latin1");
    expect(decodeAll("latin1", bytes, 3)).toBe("name\nMüller\nJosé\n€5\n");
  });

  it("calls a stream cut in the middle of a character invalid", () => {
    expect(check(Buffer.from("Jos\u00e9", "utf8").subarray(0, 4), 1)).toBe(false);
  });
});
