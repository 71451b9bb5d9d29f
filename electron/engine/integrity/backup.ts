import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import tar from 'tar-stream';
import { AppError } from '../../../shared/domain/errors';
import type { Db } from '../archive/database';
import { sha256OfFile, type FileStore } from '../archive/fileStore';
import { cleanPartialBackups, debrisTag } from '../archive/debris';
import { asAppError } from '../faults/classify';
import Database from 'better-sqlite3';
import { BACKUP_FORMAT, DATABASE_ENTRY, MANIFEST_ENTRY, storeEntryName, type BackupManifest } from './backupFormat';

export { restoreArchive, type RestoreReport } from './restore';

export interface BackupReport {
  file: string;
  files: number;
  bytes: number;
  /** SHA-256 of the database snapshot, as the manifest records it. */
  databaseSha256: string;
}

export interface BackupOptions {
  /** Where the snapshot is made: the data folder's tmp/ normally, the system temp folder when the
   *  archive is read-only. */
  tmpDir: string;
}

/** How long the backup may go without copying a single page before it counts as stuck (a locked
 *  or unreadable source makes SQLite's backup step report "busy" forever, at full CPU). */
const STALLED_MS = 30_000;

/**
 * Online backup: SQLite's backup API copies a consistent snapshot of the database while others
 * keep writing; the store is append-only and content-addressed, so every file the snapshot refers
 * to is complete on disk. The snapshot must pass integrity_check (a damaged database is not
 * backed up as if it were fine), and every stored file must still match its hash while it is
 * copied. Output: one tar file whose manifest holds the SHA-256 of everything in it; written to a
 * `.partial-*` file and renamed when complete.
 */
export async function backupArchive(db: Db, store: FileStore, target: string, options: BackupOptions): Promise<BackupReport> {
  const subject = `Sao lưu vào “${target}”`;
  const targetInfo = await stat(target).catch(() => null);
  if (targetInfo?.isDirectory()) throw new AppError('TARGET_IS_FILE', 'backup target is a folder', { subject: subject });
  await cleanPartialBackups(target);
  await mkdir(options.tmpDir, { recursive: true, mode: 0o700 }).catch(() => undefined);
  const tag = debrisTag();
  const snapshot = path.join(options.tmpDir, `backup-${tag}.sqlite`);
  const partial = `${target}.partial-${tag}`;
  try {
    let lastRemaining = Number.POSITIVE_INFINITY;
    let progressAt = Date.now();
    await db.backup(snapshot, {
      progress: ({ remainingPages }) => {
        if (remainingPages < lastRemaining) progressAt = Date.now();
        else if (Date.now() - progressAt > STALLED_MS) throw new AppError('IO_ERROR', 'backup made no progress for 30 s (database locked or unreadable)');
        lastRemaining = remainingPages;
        return 256;
      },
    });
    const snap = new Database(snapshot, { readonly: true });
    let files: { sha256: string; size: number }[];
    let schemaVersion: number;
    try {
      const problems = (snap.pragma('integrity_check') as Record<string, string>[]).map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
      if (problems.length > 0) throw new AppError('ARCHIVE_DAMAGED', `snapshot fails integrity_check: ${problems.slice(0, 3).join('; ')}`);
      files = snap.prepare('SELECT sha256, size FROM files ORDER BY sha256').all() as { sha256: string; size: number }[];
      schemaVersion = snap.pragma('user_version', { simple: true }) as number;
    } finally {
      snap.close();
    }
    await rm(`${snapshot}-shm`, { force: true });
    await rm(`${snapshot}-wal`, { force: true });
    const database = { sha256: await sha256OfFile(snapshot), size: (await stat(snapshot)).size };
    const manifest: BackupManifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), schemaVersion, database, files };

    const pack = tar.pack();
    const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    const written = pipeline(pack, out);
    written.catch(() => undefined); // awaited below; a write error must not be unhandled meanwhile
    pack.entry({ name: MANIFEST_ENTRY }, JSON.stringify(manifest));
    await addFile(pack, DATABASE_ENTRY, snapshot, database.sha256);
    for (const f of files) await addFile(pack, storeEntryName(f.sha256), store.pathFor(f.sha256), f.sha256);
    pack.finalize();
    await written;
    const handle = await open(partial, 'r');
    await handle.sync().finally(() => handle.close());
    await rename(partial, target);
    return { file: target, files: files.length, bytes: (await stat(target)).size, databaseSha256: database.sha256 };
  } catch (e) {
    await rm(partial, { force: true });
    throw asAppError(e, subject);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) await rm(`${snapshot}${suffix}`, { force: true });
  }
}

/** Adds a file to the tar, hashing it on the way: a stored file that no longer matches its hash
 *  fails the backup rather than being copied as if it were good. */
async function addFile(pack: tar.Pack, name: string, file: string, sha256: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (e) {
    throw new AppError('ARCHIVE_DAMAGED', `${name} is missing from the store: ${(e as Error).message}`);
  }
  const hash = createHash('sha256');
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ name, size }, (err) => (err ? reject(err) : resolve()));
    const hasher = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    pipeline(createReadStream(file), hasher, entry).catch(reject);
  });
  if (hash.digest('hex') !== sha256) throw new AppError('ARCHIVE_DAMAGED', `${name} does not match its hash (run verify)`);
}

