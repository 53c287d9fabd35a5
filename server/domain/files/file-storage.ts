import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";

/**
 * Where a file's bytes are: in its row (`data`) or under HERALD_FILES_DIR at `storage_path`, which is
 * relative to that folder so the folder can move (or be mounted elsewhere) without rewriting rows.
 */
export type StoredBytes = { data: Buffer | null; storagePath: string | null };

/**
 * The folder new files go to, or null to keep them in Postgres. `undefined` means "as configured";
 * tests and tools pass a folder (or null) so one process can exercise both modes.
 */
export const filesDirFor = (filesDir: string | null | undefined) => (filesDir === undefined ? (env().HERALD_FILES_DIR ?? null) : filesDir);

const absolutePath = (filesDir: string | null | undefined, storagePath: string) => {
  const dir = filesDirFor(filesDir);
  if (!dir) {
    throw new AppError("INTERNAL", "This file is stored on disk, but HERALD_FILES_DIR is not set in this process");
  }
  const root = path.resolve(dir);
  const full = path.resolve(root, storagePath);
  // storage_path is always ours (workspace/uuid), but a path must never lead out of the folder.
  if (!full.startsWith(root + path.sep)) throw new AppError("INTERNAL", "A stored file's path points outside HERALD_FILES_DIR");
  return full;
};

/**
 * Writes under a temporary name, fsyncs, renames into place and fsyncs the folder, so after a crash
 * the file is either whole under its final name or absent: never half-written where a reader looks.
 */
export const writeFileDurably = async ({
  filesDir,
  workspaceId,
  fileId,
  bytes,
}: {
  filesDir: string;
  workspaceId: string;
  fileId: string;
  bytes: Buffer;
}): Promise<string> => {
  const storagePath = path.posix.join(workspaceId, fileId);
  const folder = path.join(path.resolve(filesDir), workspaceId);
  await mkdir(folder, { recursive: true, mode: 0o750 });
  const temporary = path.join(folder, `.${fileId}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temporary, "wx", 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path.join(folder, fileId));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const directory = await open(folder, "r");
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
  return storagePath;
};

const missingOnDisk = (error: unknown): never => {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new AppError("INTERNAL", "The file's bytes are missing from HERALD_FILES_DIR");
  }
  throw error;
};

/**
 * The bytes as a stream: read from disk as they are sent, or the row's buffer. The file is opened
 * before this returns, so a missing file fails here rather than halfway through a response.
 */
export const openStoredBytes = async (file: StoredBytes, filesDir?: string | null): Promise<Readable> => {
  if (!file.storagePath) return Readable.from([file.data ?? Buffer.alloc(0)]);
  const handle = await open(absolutePath(filesDir, file.storagePath), "r").catch(missingOnDisk);
  return handle.createReadStream();
};

export const readStoredBytes = async (file: StoredBytes, filesDir?: string | null): Promise<Buffer> =>
  file.storagePath ? readFile(absolutePath(filesDir, file.storagePath)).catch(missingOnDisk) : (file.data ?? Buffer.alloc(0));

export const removeStoredBytes = async (storagePath: string, filesDir?: string | null) => {
  await rm(absolutePath(filesDir, storagePath), { force: true });
};
