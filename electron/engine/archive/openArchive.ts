import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError, type ErrorCode } from '../../../shared/domain/errors';
import { faultCode } from '../faults/classify';
import type { Logger } from '../logger';
import { openDatabase, type Db } from './database';
import type { DataPaths } from './dataDir';
import { loadMigrations } from './migrate';

export type ArchiveMode = 'normal' | 'read-only' | 'damaged';

/** How the archive could be opened. Anything but `normal` refuses every change (list, search,
 *  show, export and backup still work) and says why. */
export interface ArchiveHealth {
  mode: ArchiveMode;
  /** READ_ONLY, DISK_FULL or PERMISSION_DENIED (read-only), ARCHIVE_DAMAGED (damaged). */
  code?: ErrorCode;
  /** English detail for the log and `--verbose`. */
  detail?: string;
}

export interface OpenedArchive {
  db: Db;
  health: ArchiveHealth;
  /** Removes the private temporary copy a read-only or damaged archive may be read from. */
  dispose(): void;
}

export interface OpenArchiveOptions {
  nativeBinding?: string;
  /** 'quick': run PRAGMA quick_check on open (the app does; a damaged file → damaged mode) when the
   *  database is smaller than `syncCheckBytes`; a larger one is checked in the background
   *  (Engine.checkInBackground). */
  check?: 'quick' | 'none';
  syncCheckBytes?: number;
  log?: Logger;
}

/** Below this size quick_check at start takes well under a second: it runs before the app opens. */
export const SYNC_CHECK_BYTES = 64 * 1024 * 1024;

function writable(target: string): boolean {
  try {
    accessSync(target, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A `-shm` file we cannot write (left by an earlier read-only open, or created by another account)
 * makes SQLite refuse every write even after the database's own permissions were fixed. The -shm is
 * only an index SQLite rebuilds from the WAL, so ours gets its permissions fixed, and one we cannot
 * fix is removed.
 */
export function fixStaleShm(database: string, log?: Logger): boolean {
  const shm = `${database}-shm`;
  if (!existsSync(shm) || writable(shm) || !writable(database)) return false;
  try {
    chmodSync(shm, 0o600);
    if (writable(shm)) {
      log?.warn(`stale read-only ${shm}: permissions fixed`);
      return true;
    }
  } catch {
    // not ours
  }
  try {
    unlinkSync(shm);
    log?.warn(`stale read-only ${shm} that could not be fixed was removed`);
    return true;
  } catch (e) {
    log?.warn(`stale read-only ${shm} could not be removed: ${(e as Error).message}`);
    return false;
  }
}

function quickCheck(db: Db): string[] {
  return (db.pragma('quick_check') as Record<string, string>[]).map((r) => Object.values(r)[0]!).filter((v) => v !== 'ok');
}

/** Opens the archive database for writing if it can, else read-only, else (damaged) whatever can
 *  still be read, so the app and the CLI can always show what they have and say what is wrong. */
export function openArchive(paths: DataPaths, options: OpenArchiveOptions = {}): OpenedArchive {
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const exists = existsSync(paths.database);
  try {
    mkdirSync(paths.root, { recursive: true, mode: 0o700 });
  } catch (e) {
    if (!exists) throw new AppError(faultCode(e) ?? 'READ_ONLY', (e as Error).message, { subject: `Thư mục dữ liệu “${paths.root}”` });
  }
  const canWrite = writable(paths.root) && (!exists || writable(paths.database));
  let reason: { code: ErrorCode; detail: string } | null = canWrite ? null : { code: 'READ_ONLY', detail: 'data folder or database is not writable' };
  let damaged: string | null = null;

  if (canWrite) {
    fixStaleShm(paths.database, options.log);
    try {
      const db = openDatabase(paths.database, binding);
      if (!exists) chmodSync(paths.database, 0o600);
      const small = statSync(paths.database).size < (options.syncCheckBytes ?? SYNC_CHECK_BYTES);
      const problems = options.check === 'quick' && small ? quickCheck(db) : [];
      if (problems.length === 0) return { db, health: { mode: 'normal' }, dispose: () => undefined };
      db.close();
      damaged = problems.slice(0, 5).join('; ');
    } catch (e) {
      const code = faultCode(e);
      if (e instanceof AppError && e.code === 'DB_TOO_NEW') throw e;
      if (code === 'ARCHIVE_DAMAGED') damaged = (e as Error).message;
      else if (code === 'READ_ONLY' || code === 'PERMISSION_DENIED' || code === 'DISK_FULL' || code === 'IO_ERROR') {
        reason = { code: code === 'IO_ERROR' ? 'READ_ONLY' : code, detail: (e as Error).message };
      } else throw e;
    }
  }
  if (!exists && !damaged) throw new AppError(reason?.code ?? 'READ_ONLY', reason?.detail, { subject: `Thư mục dữ liệu “${paths.root}”` });
  const health: ArchiveHealth = damaged
    ? { mode: 'damaged', code: 'ARCHIVE_DAMAGED', detail: damaged }
    : { mode: 'read-only', code: reason!.code, detail: reason!.detail };
  options.log?.warn(`archive opened ${health.mode}: ${health.code}: ${health.detail}`);
  return { ...readableCopy(paths, binding, options.log), health };
}

/**
 * Read-only access that never writes into the data folder: the database (and its WAL, so committed
 * work is not lost) is copied into a private temporary folder and opened there with writes off.
 * A read-only file system or database allows nothing else; a damaged database is read as far as
 * it goes. If even that fails, an empty archive stands in so the app can say what is wrong.
 */
function readableCopy(paths: DataPaths, binding: { nativeBinding?: string }, log?: Logger): Omit<OpenedArchive, 'health'> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `minhbach-ro-${process.pid}-`));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  const copy = path.join(dir, 'archive.sqlite');
  try {
    copyFileSync(paths.database, copy);
    chmodSync(copy, 0o600); // copyFile keeps the source's (read-only) mode
    if (existsSync(`${paths.database}-wal`) && statSync(`${paths.database}-wal`).size > 0) {
      copyFileSync(`${paths.database}-wal`, `${copy}-wal`);
      chmodSync(`${copy}-wal`, 0o600);
    }
    const db = new Database(copy, binding);
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.pragma('query_only = 1');
    return { db, dispose };
  } catch (e) {
    log?.error(`archive database unreadable, showing an empty archive: ${(e as Error).message}`);
    const db = new Database(':memory:', binding);
    const migrations = loadMigrations();
    for (const m of migrations) db.exec(m.sql);
    db.pragma(`user_version = ${migrations.length}`);
    db.pragma('query_only = 1');
    return { db, dispose };
  }
}
