import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { lstat, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import tar from 'tar-stream';
import { AppError } from '../../../shared/domain/errors';
import { dataPaths } from '../archive/dataDir';
import { openDatabase } from '../archive/database';
import { FileStore } from '../archive/fileStore';
import { debrisTag, isProcessAlive } from '../archive/debris';
import { loadMigrations } from '../archive/migrate';
import { asAppError } from '../faults/classify';
import { checkSettingsRows } from './archiveSettings';
import { BackupManifest, DATABASE_ENTRY, MANIFEST_ENTRY, MAX_MANIFEST_BYTES } from './backupFormat';
import { compareSchema } from './schemaCheck';
import { verifyArchive } from './verify';

export interface RestoreReport {
  dataDir: string;
  files: number;
}

/**
 * Rebuilds a data folder from a backup, trusting nothing in it. The target must not exist or be an
 * empty folder (never a file). Everything is unpacked into a sibling `.restoring-*` folder and
 * checked there: every entry against the manifest's SHA-256 and size, the database's schema against
 * what the migrations produce for its version (an extra trigger or view is refused), every setting
 * parsed with its schema, agency forms that are really forms, and then the full `verify`. Only an
 * archive that passes all of it is moved into place; a failed check leaves nothing behind.
 */
export async function restoreArchive(backupFile: string, targetRoot: string): Promise<RestoreReport> {
  const target = path.resolve(targetRoot);
  const subject = `Khôi phục “${path.basename(backupFile)}” vào “${target}”`;
  const existing = await lstat(target).catch(() => null);
  if (existing && !existing.isDirectory()) throw new AppError('TARGET_IS_FILE', target, { subject: subject });
  if (existing && (await readdir(target)).length > 0) throw new AppError('DATA_DIR_NOT_EMPTY', target, { subject: subject });
  await removeAbandonedStaging(target);
  const staging = `${target}.restoring-${debrisTag()}`;
  try {
    const files = await unpack(backupFile, staging);
    await checkRestoredArchive(staging);
    if (existing) await rmdir(target); // empty, checked above; never a recursive delete
    await rename(staging, target);
    return { dataDir: target, files };
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw asAppError(e, subject, 'BACKUP_INVALID');
  }
}

async function removeAbandonedStaging(target: string): Promise<void> {
  const parent = path.dirname(target);
  const prefix = `${path.basename(target)}.restoring-`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    if (name.startsWith(prefix) && pid && !isProcessAlive(Number(pid))) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

/** Streams the tar into `staging`, hashing every entry and comparing it with the manifest. */
async function unpack(backupFile: string, staging: string): Promise<number> {
  const paths = dataPaths(staging);
  const store = new FileStore(paths.store);
  await mkdir(paths.store, { recursive: true, mode: 0o700 });
  let manifest: BackupManifest | null = null;
  let expected = new Map<string, number>();
  let databaseSeen = false;
  const extract = tar.extract();
  const consume = (async () => {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (entry.header.type !== 'file') throw new AppError('BACKUP_INVALID', `unexpected entry type ${entry.header.type} for ${JSON.stringify(name)}`);
      if (!manifest) {
        if (name !== MANIFEST_ENTRY) throw new AppError('BACKUP_INVALID', 'the manifest is not the first entry');
        manifest = await readManifest(entry);
        expected = new Map(manifest.files.map((f) => [f.sha256, f.size]));
        continue;
      }
      const storeMatch = /^store\/([0-9a-f]{64})$/.exec(name);
      let destination: string;
      let want: { sha256: string; size: number };
      if (name === DATABASE_ENTRY && !databaseSeen) {
        databaseSeen = true;
        destination = paths.database;
        want = manifest.database;
      } else if (storeMatch && expected.has(storeMatch[1]!)) {
        destination = store.pathFor(storeMatch[1]!);
        want = { sha256: storeMatch[1]!, size: expected.get(storeMatch[1]!)! };
        expected.delete(storeMatch[1]!);
      } else throw new AppError('BACKUP_INVALID', `entry not in the manifest: ${JSON.stringify(name.slice(0, 120))}`);
      if (entry.header.size !== want.size) throw new AppError('BACKUP_DAMAGED', `${name}: size ${entry.header.size}, manifest ${want.size}`);
      await mkdir(path.dirname(destination), { recursive: true, mode: 0o700 });
      const hash = createHash('sha256');
      const hasher = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      });
      await pipeline(entry, hasher, createWriteStream(destination, { flags: 'wx', mode: 0o600 }));
      if (hash.digest('hex') !== want.sha256) throw new AppError('BACKUP_DAMAGED', `${name} does not match the SHA-256 in the manifest`);
    }
  })();
  await Promise.all([pipeline(createReadStream(backupFile), extract), consume]).catch(async (e) => {
    extract.destroy();
    await consume.catch(() => undefined);
    throw e;
  });
  const m = manifest as BackupManifest | null;
  if (!m) throw new AppError('BACKUP_INVALID', 'no manifest');
  if (!databaseSeen) throw new AppError('BACKUP_DAMAGED', 'the database is missing');
  if (expected.size > 0) throw new AppError('BACKUP_DAMAGED', `${expected.size} stored file(s) of the manifest are missing`);
  return m.files.length;
}

async function readManifest(entry: AsyncIterable<unknown> & { header: { size?: number } }): Promise<BackupManifest> {
  if ((entry.header.size ?? 0) > MAX_MANIFEST_BYTES) throw new AppError('BACKUP_INVALID', 'manifest too large');
  const chunks: Buffer[] = [];
  for await (const c of entry) chunks.push(c as Buffer);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('BACKUP_INVALID', 'manifest is not JSON');
  }
  const parsed = BackupManifest.safeParse(json);
  if (!parsed.success) throw new AppError('BACKUP_INVALID', `manifest: ${parsed.error.issues[0]?.message ?? 'invalid'} (older backups without hashes are not accepted)`);
  return parsed.data;
}

/** The checks on the unpacked archive, before anything is moved into place. */
async function checkRestoredArchive(staging: string): Promise<void> {
  const paths = dataPaths(staging);
  const migrations = loadMigrations();
  // Schema first, on the file as it came, before any migration runs its SQL next to it.
  const raw = new Database(paths.database, { fileMustExist: true });
  try {
    const version = raw.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) throw new AppError('DB_TOO_NEW', `schema ${version}`);
    const diff = compareSchema(raw, migrations);
    const foreign = [...diff.extra.map((o) => `${o.type} ${o.name}`), ...diff.missing.map((o) => `missing ${o.type} ${o.name}`)];
    if (foreign.length > 0) throw new AppError('BACKUP_UNTRUSTED', `schema differs from version ${version}: ${foreign.slice(0, 5).join(', ')}`);
    const settings = checkSettingsRows(raw.prepare('SELECT key, value FROM settings').all() as { key: string; value: unknown }[]);
    if (settings.length > 0) throw new AppError('BACKUP_UNTRUSTED', settings.slice(0, 5).join('; '));
  } finally {
    raw.close();
  }
  const db = openDatabase(paths.database); // migrations, in one transaction
  try {
    // Caches are never trusted from a backup: a forged "no secrecy stamp found" row would let a
    // stamped document through the export's check. Dropped here, they are recomputed from the text.
    db.prepare('DELETE FROM publication_checks').run();
    // Likewise which stored file is a document's redacted version: a forged row could name the
    // original. Rebuilt from the regions on the next export.
    db.prepare('DELETE FROM redacted_files').run();
    const report = await verifyArchive(db, new FileStore(paths.store));
    const failed = report.checks.filter((c) => !c.ok);
    if (failed.length > 0) {
      const code = failed.some((c) => c.name === 'forms' || c.name === 'schema') ? 'BACKUP_UNTRUSTED' : 'BACKUP_DAMAGED';
      throw new AppError(code, failed.map((c) => `${c.name}: ${c.problems.slice(0, 3).join('; ')}`).join(' | '));
    }
    // Leftovers the backup may carry are not ours: only files the archive knows come across.
    if (report.orphans.length > 0 || report.debris.length > 0) throw new AppError('BACKUP_UNTRUSTED', 'store holds files no record points to');
  } finally {
    db.close();
  }
}
