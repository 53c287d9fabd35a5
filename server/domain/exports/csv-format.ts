/**
 * RFC 4180 output: a field is quoted when it holds a quote, a comma, a line break or edge spaces
 * (quotes doubled inside); records end with CRLF. Null and undefined are empty fields.
 */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : Array.isArray(value) ? value.join(", ") : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvRecord = (values: readonly unknown[]) => `${values.map(csvField).join(",")}\r\n`;

/** A file name that is safe in a Content-Disposition header (and on every OS). */
export const safeFilename = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[^\w.-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80) || "export";

/**
 * A ReadableStream of CSV text fed by a postgres.js cursor: rows are fetched as the client reads, so a
 * million-row export never sits in memory, and a client that goes away stops the query.
 */
export const csvStream = <Row>(
  header: readonly string[],
  batches: AsyncIterable<Row[]>,
  toRecord: (row: Row) => readonly unknown[],
): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRecord(header)));
        return;
      }
      try {
        const { value, done } = await iterator.next();
        if (done) {
          controller.close();
          return;
        }
        let text = "";
        for (const row of value) text += csvRecord(toRecord(row));
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
};
