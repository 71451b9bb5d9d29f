import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/engine/archive/database';
import { loadMigrations, migrate } from '../../../electron/engine/archive/migrate';
import { tempDir } from '../../helpers/fixtures';

describe('database migrations', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('creates the schema at the newest version, in WAL mode, with foreign keys on', () => {
    const db = openDatabase(path.join(temp.dir, 'a.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all();
    expect(tables.map((t) => (t as { name: string }).name)).toEqual(
      expect.arrayContaining(['documents', 'pages', 'files', 'audit', 'jobs', 'job_items', 'header_fields', 'decisions', 'suggestions', 'findings', 'search_index']),
    );
    db.close();
  });

  it('refuses a database written by a newer Minh Bạch', () => {
    const file = path.join(temp.dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${loadMigrations().length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrowError(expect.objectContaining({ code: 'DB_TOO_NEW' }));
  });

  it('applies all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const file = path.join(temp.dir, 'broken.sqlite');
    const db = new Database(file);
    const migrations = [
      { version: 1, name: 'good', sql: 'CREATE TABLE t1 (x INTEGER);' },
      { version: 2, name: 'bad', sql: 'CREATE TABLE t2 (x INTEGER); THIS IS NOT SQL;' },
    ];
    expect(() => migrate(db, migrations)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS c FROM sqlite_master WHERE name IN ('t1','t2')").get()).toEqual({ c: 0 });
    db.close();
  });

  it('keeps the audit trail append-only', () => {
    const db = openDatabase(path.join(temp.dir, 'audit.sqlite'));
    db.prepare("INSERT INTO audit (at, actor, action, prev_hash, hash) VALUES ('t', 'a', 'x', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE audit SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    db.close();
  });
});
