import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { AppError } from '../../../shared/domain/errors';
import type { Db } from '../archive/database';
import { dataPaths } from '../archive/dataDir';
import { FileStore, sha256OfFile } from '../archive/fileStore';
import { openDatabase } from '../archive/database';

const MANIFEST = 'minhbach-backup.json';
const DB_ENTRY = 'archive.sqlite';
const FORMAT = 'minhbach-backup/1';

interface BackupManifest {
  format: string;
  createdAt: string;
  schemaVersion: number;
  files: number;
}

export interface BackupReport {
  file: string;
  files: number;
  bytes: number;
}

/**
 * Online backup: SQLite's backup API copies a consistent snapshot of the database while others
 * keep writing; the store is append-only and content-addressed, so every file the snapshot
 * refers to is already complete on disk. Output: one tar file (manifest, database, store).
 */
export async function backupArchive(db: Db, dataRoot: string, target: string): Promise<BackupReport> {
  const paths = dataPaths(dataRoot);
  await mkdir(paths.tmp, { recursive: true });
  const snapshot = path.join(paths.tmp, `backup-${randomBytes(6).toString('hex')}.sqlite`);
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  try {
    await db.backup(snapshot);
    const snapDb = openDatabase(snapshot, { readonly: true });
    let shas: string[];
    let schemaVersion: number;
    try {
      shas = (snapDb.prepare('SELECT sha256 FROM files ORDER BY sha256').all() as { sha256: string }[]).map((r) => r.sha256);
      schemaVersion = snapDb.pragma('user_version', { simple: true }) as number;
    } finally {
      snapDb.close();
    }
    const store = new FileStore(paths.store);
    const pack = tar.pack();
    const out = createWriteStream(partial, { flags: 'wx' });
    const written = pipeline(pack, out);
    const manifest: BackupManifest = { format: FORMAT, createdAt: new Date().toISOString(), schemaVersion, files: shas.length };
    pack.entry({ name: MANIFEST }, JSON.stringify(manifest, null, 2));
    await addFile(pack, DB_ENTRY, snapshot);
    for (const sha of shas) await addFile(pack, `store/${sha}`, store.pathFor(sha));
    pack.finalize();
    await written;
    await rename(partial, target);
    return { file: target, files: shas.length, bytes: (await stat(target)).size };
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  } finally {
    await rm(snapshot, { force: true });
    await rm(`${snapshot}-wal`, { force: true });
    await rm(`${snapshot}-shm`, { force: true });
  }
}

async function addFile(pack: tar.Pack, name: string, file: string): Promise<void> {
  const { size } = await stat(file);
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ name, size }, (err) => (err ? reject(err) : resolve()));
    createReadStream(file).on('error', reject).pipe(entry);
  });
}

export interface RestoreReport {
  dataDir: string;
  files: number;
}

/** Rebuilds a data folder from a backup. The target must be empty; everything is unpacked and
 *  checked in a sibling folder first and moved into place only when complete. */
export async function restoreArchive(backupFile: string, targetRoot: string): Promise<RestoreReport> {
  const existing = await readdir(targetRoot).catch(() => [] as string[]);
  if (existing.length > 0) throw new AppError('DATA_DIR_NOT_EMPTY', targetRoot);
  const staging = `${targetRoot.replace(/[\\/]+$/, '')}.restoring-${randomBytes(4).toString('hex')}`;
  const paths = dataPaths(staging);
  const store = new FileStore(paths.store);
  let manifest: BackupManifest | null = null;
  let storeFiles = 0;
  try {
    await mkdir(paths.store, { recursive: true });
    const extract = tar.extract();
    const done = (async () => {
      for await (const entry of extract) {
        const name = entry.header.name;
        if (entry.header.type !== 'file') throw new AppError('BACKUP_INVALID', `unexpected entry type for ${name}`);
        if (name === MANIFEST) {
          const chunks: Buffer[] = [];
          for await (const c of entry) chunks.push(c as Buffer);
          manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BackupManifest;
          continue;
        }
        let destination: string;
        const storeMatch = /^store\/([0-9a-f]{64})$/.exec(name);
        if (name === DB_ENTRY) destination = paths.database;
        else if (storeMatch) destination = store.pathFor(storeMatch[1]!);
        else throw new AppError('BACKUP_INVALID', `unexpected entry ${JSON.stringify(name)}`);
        await mkdir(path.dirname(destination), { recursive: true });
        await pipeline(entry, createWriteStream(destination, { flags: 'wx' }));
        if (storeMatch) {
          if ((await sha256OfFile(destination)) !== storeMatch[1]) throw new AppError('BACKUP_INVALID', `hash mismatch ${name}`);
          storeFiles += 1;
        }
      }
    })();
    await Promise.all([pipeline(createReadStream(backupFile), extract), done]);
    const m = manifest as BackupManifest | null;
    if (!m || m.format !== FORMAT) throw new AppError('BACKUP_INVALID', 'missing or unknown manifest');
    if (m.files !== storeFiles) throw new AppError('BACKUP_INVALID', `expected ${m.files} files, found ${storeFiles}`);
    // Opening runs the migrations, refuses a newer schema, and proves the database is readable.
    openDatabase(paths.database).close();
    await rm(targetRoot, { recursive: true, force: true });
    await rename(staging, targetRoot);
    return { dataDir: targetRoot, files: storeFiles };
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e instanceof AppError ? e : new AppError('BACKUP_INVALID', (e as Error).message);
  }
}
