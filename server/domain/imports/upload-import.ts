import { sqlClient } from "@/server/db/client";
import { CsvParser } from "./csv-parser";
import { chooseEncoding, createDecoder, detectDelimiter, detectNewline, Utf8Check, type CsvDelimiter, type CsvEncoding } from "./detect-format";

export const CHUNK_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
export const PREVIEW_ROWS = 5;

export type CsvPreview = {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  newline: "\n" | "\r";
  columns: string[];
  /** Up to PREVIEW_ROWS data rows, as parsed (a row may have the wrong number of cells). */
  rows: string[][];
};

export type UploadResult =
  | { ok: true; importId: string; sizeBytes: number; preview: CsvPreview }
  /** Nothing is kept: `status` is the HTTP answer (413 too large, 422 nothing to import). */
  | { ok: false; status: 413 | 422; message: string };

/**
 * Reads the header and the first rows from the start of the file (the first chunk is enough: a
 * header longer than 1 MiB is not a CSV anyone should import). `complete` says the sample is the
 * whole file, so a missing data row means there is none rather than that it comes later.
 */
export const previewCsv = (firstChunk: Uint8Array, encoding: CsvEncoding, complete: boolean, maxRows = PREVIEW_ROWS) => {
  const decoder = createDecoder(encoding);
  const text = decoder.decode(firstChunk) + (complete ? decoder.end() : "");
  const newline = detectNewline(text);
  const delimiter = detectDelimiter(text, { complete });
  const records: string[][] = [];
  const parser = new CsvParser({
    delimiter,
    newline,
    onRecord: (fields) => {
      if (records.length > maxRows) return;
      if (fields.length === 1 && fields[0] === "") return;
      if (records.length > 0 && fields.every((field) => field.trim() === "")) return;
      records.push(fields);
    },
    // A badly quoted row in the sample is shown as its raw text in one cell; the import reports it properly.
    onProblem: (problem) => {
      if (records.length <= maxRows) records.push([problem.raw]);
    },
  });
  // Enough text for the header and a few rows, whatever their size.
  for (let at = 0; at < text.length && records.length <= maxRows; at += 16 * 1024) parser.push(text.slice(at, at + 16 * 1024));
  if (complete) parser.end();
  const [header, ...rows] = records;
  const columns = (header ?? []).map((name, index) => name.trim() || `Column ${index + 1}`);
  return { encoding, delimiter, newline, columns, rows: rows.slice(0, maxRows) } satisfies CsvPreview;
};

/**
 * Stores an uploaded CSV as an import waiting for its mapping: streams the body into 1 MiB rows of
 * import_chunks (so any worker machine can read it; memory stays at one chunk whatever the file size),
 * checks the bytes are UTF-8 on the way (else the file is Latin-1), then reads the header and the first
 * rows. An empty file, a header with no rows and a file over `maxBytes` are refused and nothing is kept.
 */
export const uploadImport = async ({
  workspaceId,
  createdBy,
  filename,
  body,
  maxBytes = MAX_UPLOAD_BYTES,
}: {
  workspaceId: string;
  createdBy: string | null;
  filename: string;
  body: AsyncIterable<Uint8Array>;
  maxBytes?: number;
}): Promise<UploadResult> => {
  const sql = sqlClient();
  const name = filename.trim().slice(0, 255) || "upload.csv";
  const [row] = await sql<Array<{ id: string }>>`
    insert into contact_imports (workspace_id, filename, status, created_by)
    values (${workspaceId}, ${name}, 'uploading', ${createdBy}) returning id`;
  const importId = row!.id;
  const discard = () => sql`delete from contact_imports where id = ${importId}`;

  let size = 0;
  let seq = 0;
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let filled = 0;
  let firstChunk: Buffer | null = null;
  let writing: Promise<unknown> = Promise.resolve();
  const utf8 = new Utf8Check();

  // One insert in flight while the next chunk fills: the network and the database overlap.
  const store = async (data: Buffer) => {
    await writing;
    firstChunk ??= data;
    const current = seq++;
    writing = sql`insert into import_chunks (import_id, seq, data) values (${importId}, ${current}, ${data})`.execute();
    // Awaited by the next store() or at the end; marked handled meanwhile so a failure is not "unhandled".
    writing.catch(() => {});
  };

  try {
    for await (const piece of body) {
      size += piece.byteLength;
      if (size > maxBytes) {
        await writing.catch(() => {});
        await discard();
        return { ok: false, status: 413, message: `The file is larger than ${formatLimit(maxBytes)}; split it into smaller files` };
      }
      utf8.push(piece);
      let offset = 0;
      while (offset < piece.byteLength) {
        const take = Math.min(CHUNK_BYTES - filled, piece.byteLength - offset);
        chunk.set(piece.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === CHUNK_BYTES) {
          await store(chunk);
          chunk = Buffer.allocUnsafe(CHUNK_BYTES);
          filled = 0;
        }
      }
    }
    if (filled > 0) await store(chunk.subarray(0, filled));
    await writing;
  } catch (error) {
    // The upload broke off (the client went away, the database failed): keep nothing half-written.
    await writing.catch(() => {});
    await discard().catch(() => {});
    throw error;
  }

  if (size === 0 || !firstChunk) {
    await discard();
    return { ok: false, status: 422, message: "The file is empty" };
  }
  const encoding = chooseEncoding(firstChunk, utf8.end());
  const preview = previewCsv(firstChunk, encoding, size <= CHUNK_BYTES);
  if (preview.columns.length === 0) {
    await discard();
    return { ok: false, status: 422, message: "The file has no header row (it is blank)" };
  }
  if (preview.rows.length === 0) {
    await discard();
    return {
      ok: false,
      status: 422,
      message:
        size <= CHUNK_BYTES
          ? "The file has a header row but no data rows"
          : "No data row was found in the first megabyte of the file; check that it is a CSV file",
    };
  }
  await sql`
    update contact_imports
    set status = 'pending', size_bytes = ${size}, encoding = ${encoding}, delimiter = ${preview.delimiter},
        columns = ${JSON.stringify(preview.columns)}::jsonb
    where id = ${importId}`;
  return { ok: true, importId, sizeBytes: size, preview };
};

const formatLimit = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GiB` : bytes >= 1024 ** 2 ? `${bytes / 1024 ** 2} MiB` : `${bytes} bytes`;
