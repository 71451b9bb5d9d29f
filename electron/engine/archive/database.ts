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
    cachePreparedStatements(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * better-sqlite3 compiles a statement on every `prepare`; the repositories prepare as they go, and
 * at the pipeline's pace (thousands of documents a minute) compiling was a tenth of the main
 * thread's time. So `prepare` keeps the last 500 statements by SQL text. A statement that is busy
 * (being iterated) is never handed out twice; no code here changes a statement's mode (pluck,
 * raw, expand), which a shared statement would carry over.
 */
function cachePreparedStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const statement = prepare(sql);
    if (!hit) {
      cache.set(sql, statement);
      if (cache.size > 500) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }) as typeof db.prepare;
}

export function nowIso(): string {
  return new Date().toISOString();
}
