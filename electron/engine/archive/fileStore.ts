import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes bytes so that a reader sees either nothing or the whole file: temp file in the same
 *  folder, fsync, rename, fsync of the folder. */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: { tempDir?: string } = {}): Promise<void> {
  const dir = path.dirname(target);
  // Private by default: only the archive's owner may read it (see archive/privacy.ts).
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (options.tempDir) await mkdir(options.tempDir, { recursive: true, mode: 0o700 });
  // The pid in the name lets a later start tell a killed writer's leftover from a live one's.
  const temp = path.join(options.tempDir ?? dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (e) {
    // ENOSPC half-way, or a failed rename: nothing half-written stays behind.
    await rm(temp, { force: true });
    throw e;
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The store's folder for files being written (`store/.tmp/.tmp-<pid>-<hex>`). */
export const STORE_TEMP = '.tmp';

/** Content-addressed store: every file lives under its SHA-256, so the same bytes are stored once
 *  and a file's name can always be checked against its content. */
export class FileStore {
  constructor(readonly root: string) {}

  pathFor(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      const s = await stat(this.pathFor(sha256));
      return s.isFile();
    } catch {
      return false;
    }
  }

  /** Stores the bytes under their hash (no-op when already present) and returns the hash. */
  async put(bytes: Uint8Array, knownSha256?: string): Promise<string> {
    const sha = knownSha256 ?? sha256Hex(bytes);
    const target = this.pathFor(sha);
    try {
      const existing = await stat(target);
      if (existing.size === bytes.byteLength) return sha;
    } catch {
      // not stored yet
    }
    // Temp files in one folder of the store (same file system, so the rename is atomic): start-up
    // finds a killed writer's leftovers there without walking the whole store.
    await writeFileAtomic(target, bytes, { tempDir: path.join(this.root, STORE_TEMP) });
    return sha;
  }
}
