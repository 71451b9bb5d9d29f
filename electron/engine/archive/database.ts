import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  readonly?: boolean;
  /** Path to a better-sqlite3 `.node` built for the host runtime (Electron has its own ABI). */
  nativeBinding?: string;
}

/** Opens (creating if needed) the archive database with the settings every connection needs. */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // WAL + NORMAL is durable across application crashes; only an OS crash can lose the last
      // commits, never corrupt the database.
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function nowIso(): string {
  return new Date().toISOString();
}
