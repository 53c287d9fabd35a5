import { describe, expect, it } from "vitest";
import { CopyWriter } from "./copy-writer";
import type { StagedRow } from "./validate-import-row";

const row = (values: Partial<StagedRow>): StagedRow => ({
  email: null,
  phone: null,
  phoneCountry: null,
  firstName: null,
  lastName: null,
  timezone: null,
  locale: null,
  emailStatus: null,
  smsStatus: null,
  attributes: null,
  ...values,
});

describe("CopyWriter", () => {
  it("writes COPY text rows: \\N for nulls, escapes in free text and JSON, UTF-8", () => {
    const writer = new CopyWriter(16);
    writer.row(2, row({ email: "ann@example.com", phone: "+85291234567", phoneCountry: "HK", firstName: "Ann\tMarie", lastName: "Lee\\Chan" }), 0, 0);
    writer.row(1234567, row({ email: "josé@example.com", firstName: "Jürgen\nX", attributes: '{"note":"a\\"b\\nc"}', emailStatus: "subscribed" }), 2, 0);
    expect(writer.rows).toBe(2);
    expect(writer.take().toString("utf8")).toBe(
      "2\tann@example.com\t+85291234567\tHK\tAnn\\tMarie\tLee\\\\Chan\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n" +
        '1234567\tjosé@example.com\t\\N\t\\N\tJürgen\\nX\t\\N\t\\N\t\\N\tsubscribed\t\\N\t{"note":"a\\\\"b\\\\nc"}\t2\t\\N\n',
    );
    expect(writer.length).toBe(0);
  });
});
