import type postgres from "postgres";
import { sqlClient } from "@/server/db/client";
import { createDecoder, type CsvEncoding } from "./detect-format";

/** The uploaded file's bytes, chunk by chunk in order; the next chunk is fetched while this one is used. */
export async function* readImportChunks(importId: string, sql: postgres.Sql = sqlClient()): AsyncGenerator<Buffer> {
  const fetch = async (seq: number) => {
    const [row] = await sql<Array<{ data: Buffer }>>`select data from import_chunks where import_id = ${importId} and seq = ${seq}`;
    return row?.data ?? null;
  };
  let next = fetch(0);
  for (let seq = 0; ; seq++) {
    const data = await next;
    if (!data) return;
    next = fetch(seq + 1);
    // An abandoned prefetch must not surface as an unhandled rejection when the reader stops early.
    next.catch(() => {});
    yield data;
  }
}

/** The file as text in the encoding chosen at upload, with how many bytes have been read so far. */
export async function* readImportText(
  importId: string,
  encoding: CsvEncoding,
  sql: postgres.Sql = sqlClient(),
): AsyncGenerator<{ text: string; bytesRead: number }> {
  const decoder = createDecoder(encoding);
  let bytesRead = 0;
  for await (const chunk of readImportChunks(importId, sql)) {
    bytesRead += chunk.length;
    yield { text: decoder.decode(chunk), bytesRead };
  }
  const rest = decoder.end();
  if (rest) yield { text: rest, bytesRead };
}
