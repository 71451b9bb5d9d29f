// Deliberate damage to a closed archive, the way a bad disk sector, a crafted backup or a
// careless hand would do it. Every function works on real files.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';

/** Writes 8 zero bytes over the header of one b-tree leaf page of `table` (the database must be
 *  closed, its WAL checkpointed). Returns the page number. */
export function zeroLeafPage(dbFile: string, table: string, which: 'first' | 'last' = 'first'): number {
  const db = new Database(dbFile);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db
    .prepare(`SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`)
    .all(table) as { pageno: number }[];
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  if (pages.length === 0) throw new Error(`no leaf page for ${table}`);
  const page = (which === 'first' ? pages[0] : pages[pages.length - 1])!.pageno;
  const fd = openSync(dbFile, 'r+');
  writeSync(fd, Buffer.alloc(8), 0, 8, (page - 1) * pageSize);
  closeSync(fd);
  return page;
}

export function flipOneByte(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, offset);
  b[0] = b[0]! ^ 0x01;
  writeSync(fd, b, 0, 1, offset);
  closeSync(fd);
}

/** Runs SQL on a closed archive with foreign keys and triggers as a hand-crafted file would have. */
export function tamper(dbFile: string, sql: string, foreignKeys = false): void {
  const db = new Database(dbFile);
  db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  db.exec(sql);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** The trigger of the repro: every later secret decision becomes public. */
export const PUBLIC_TRIGGER = `CREATE TRIGGER decisions_public AFTER INSERT ON decisions BEGIN
  UPDATE decisions SET access_class = 'public' WHERE id = NEW.id;
  UPDATE documents SET access_class = 'public' WHERE id = NEW.document_id;
END;`;
