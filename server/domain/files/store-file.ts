import { createHash, randomUUID } from "node:crypto";
import { storedFiles } from "@/drizzle/schema";
import { db } from "@/server/db/client";
import { invalidField } from "@/server/errors";
import { fileLimits, maxBytesFor, sanitizeFilename, tooLargeMessage, type FileLimits, type FilePurpose } from "./file-rules";
import { filesDirFor, removeStoredBytes, writeFileDurably } from "./file-storage";
import { checkFileType } from "./file-types";
import { FILE_META_COLUMNS, toFileMeta, type StoredFileMeta } from "./stored-file-meta";

export type StoreFileOptions = {
  workspaceId: string;
  purpose: FilePurpose;
  /** As the uploader named it; folders, control characters and overlong names are cleaned off. */
  filename: string;
  bytes: Buffer;
  /** The browser's Content-Type, used only to recognise SVG; the stored type comes from the bytes. */
  declaredType?: string | null;
  createdBy?: string | null;
  /** A folder for the bytes, or null for Postgres; HERALD_FILES_DIR (or Postgres) when left out. */
  filesDir?: string | null;
  limits?: FileLimits;
};

/** Checks size and type (by content, not by name), then keeps the bytes on disk or in the row. */
export const storeFile = async ({
  workspaceId,
  purpose,
  filename,
  bytes,
  declaredType,
  createdBy = null,
  filesDir,
  limits = fileLimits(),
}: StoreFileOptions): Promise<StoredFileMeta> => {
  if (bytes.length === 0) throw invalidField("file", "The file is empty");
  if (bytes.length > maxBytesFor(purpose, limits)) throw invalidField("file", tooLargeMessage(purpose, limits));

  let name = sanitizeFilename(filename);
  const type = checkFileType({ purpose, filename: name, declaredType, bytes });
  if (!type.ok) throw invalidField("file", type.reason);
  if (!name) name = `${purpose === "image" ? "image" : "file"}.${type.extension}`;

  const id = randomUUID();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const dir = filesDirFor(filesDir);
  const storagePath = dir ? await writeFileDurably({ filesDir: dir, workspaceId, fileId: id, bytes }) : null;
  try {
    const [row] = await db
      .insert(storedFiles)
      .values({
        id,
        workspaceId,
        purpose,
        filename: name,
        contentType: type.contentType,
        sizeBytes: bytes.length,
        sha256,
        data: storagePath ? null : bytes,
        storagePath,
        createdBy,
      })
      .returning(FILE_META_COLUMNS);
    return toFileMeta(row!);
  } catch (error) {
    // No row points at the bytes, so nobody could ever read or delete them.
    if (storagePath) await removeStoredBytes(storagePath, dir).catch(() => {});
    throw error;
  }
};
