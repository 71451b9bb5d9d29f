import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/domain/errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Folder of `NNNN-name.sql` files. In the Electron bundle the build copies it beside the main
 *  script, so resolving relative to this module works in both places. */
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function loadMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => /^(\d{4})-([a-z0-9-]+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      version: Number(m[1]),
      name: m[2]!,
      sql: readFileSync(path.join(dir, m[0]), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 1..n without gaps; found ${m.version}`);
  });
  return migrations;
}

/** Brings the schema to the newest version in one transaction; refuses a database from a newer
 *  Minh Bạch rather than guessing at a schema it does not know. */
export function migrate(db: Database.Database, migrations: Migration[] = loadMigrations()): number {
  const latest = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new AppError('DB_TOO_NEW', `database schema version ${current}, this build knows up to ${latest}`);
  }
  if (current === latest) return current;
  const apply = db.transaction(() => {
    for (const m of migrations.slice(current)) db.exec(m.sql);
    db.pragma(`user_version = ${latest}`);
  });
  apply.immediate();
  return latest;
}
