import { storedFiles } from "@/drizzle/schema";
import { publicImageUrl, type FilePurpose } from "./file-rules";

/** What callers see of a stored file: never its bytes or where on disk they are. */
export const FILE_META_COLUMNS = {
  id: storedFiles.id,
  purpose: storedFiles.purpose,
  filename: storedFiles.filename,
  contentType: storedFiles.contentType,
  sizeBytes: storedFiles.sizeBytes,
  sha256: storedFiles.sha256,
  createdAt: storedFiles.createdAt,
};

export type StoredFileMeta = {
  id: string;
  purpose: FilePurpose;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
  /** Images only: the public address mail clients load them from. */
  url: string | null;
};

export const toFileMeta = (row: Omit<StoredFileMeta, "url">): StoredFileMeta => ({
  ...row,
  url: row.purpose === "image" ? publicImageUrl(row.id, row.filename) : null,
});
