import Database from 'better-sqlite3';
import type { Db } from '../archive/database';
import { loadMigrations, type Migration } from '../archive/migrate';

export interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string | null;
}

export interface SchemaDifference {
  /** Present in the database but never created by a migration (e.g. a trigger added by hand). */
  extra: SchemaObject[];
  /** Created by the migrations but missing or changed in the database. */
  missing: SchemaObject[];
}

/** Tables, columns (in the CREATE text), indexes, triggers and views, FTS5 shadow tables included.
 *  SQLite's own bookkeeping tables (sqlite_sequence, sqlite_stat*) are not part of our schema. */
export function schemaObjects(db: Db): SchemaObject[] {
  const rows = db
    .prepare(
      `SELECT type, name, tbl_name AS "table", sql FROM sqlite_schema
        WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name`,
    )
    .all() as SchemaObject[];
  return rows.map((r) => ({ ...r, sql: r.sql === null ? null : r.sql.replace(/\s+/g, ' ').trim() }));
}

const references = new Map<number, SchemaObject[]>();

/** The schema the migrations produce at `version` (built once per version in memory). */
export function referenceSchema(version: number, migrations: Migration[] = loadMigrations()): SchemaObject[] {
  const cached = references.get(version);
  if (cached) return cached;
  const db = new Database(':memory:');
  try {
    for (const m of migrations.slice(0, version)) db.exec(m.sql);
    const objects = schemaObjects(db);
    references.set(version, objects);
    return objects;
  } finally {
    db.close();
  }
}

const key = (o: SchemaObject) => JSON.stringify([o.type, o.name, o.table, o.sql]);

/** Compares a database's schema with what the migrations produce for its `user_version`. A trigger
 *  or view someone added (say, one that turns every secret decision public) shows up as `extra`. */
export function compareSchema(db: Db, migrations: Migration[] = loadMigrations()): SchemaDifference & { version: number } {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < 0 || version > migrations.length) return { version, extra: schemaObjects(db), missing: [] };
  const actual = schemaObjects(db);
  const expected = referenceSchema(version, migrations);
  const expectedKeys = new Set(expected.map(key));
  const actualKeys = new Set(actual.map(key));
  return {
    version,
    extra: actual.filter((o) => !expectedKeys.has(key(o))),
    missing: expected.filter((o) => !actualKeys.has(key(o))),
  };
}
