import { stat } from 'node:fs/promises';
import type { Db } from '../archive/database';
import { sha256OfFile, type FileStore } from '../archive/fileStore';
import { verifyAudit } from '../audit/auditLog';
import { checkAgencyForms } from './agencyForms';
import { compareSchema } from './schemaCheck';
import { probeDocuments, documentsOfRows } from './documentProbe';
import { scanStoreFolder } from './storeScan';

export const CHECK_NAMES = ['database', 'foreign-keys', 'search-index', 'audit', 'schema', 'store', 'orphans', 'forms'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export interface CheckResult {
  name: CheckName;
  ok: boolean;
  /** English, one line each (the CLI translates the check names; details stay technical). */
  problems: string[];
  /** Findings that are not damage (a store file nothing points to, left by a killed write). */
  warnings?: string[];
}

export interface DamagedDocument {
  id: number;
  fileName: string | null;
  problems: string[];
}

export interface VerifyReport {
  ok: boolean;
  quick: boolean;
  /** Stored files checked. */
  checked: number;
  missing: { sha256: string; documents: number[] }[];
  mismatched: { sha256: string; actual: string; documents: number[] }[];
  /** Store files no record points to (relative to the store), and leftovers of killed writes. */
  orphans: string[];
  debris: string[];
  checks: CheckResult[];
  damagedDocuments: DamagedDocument[];
}

export interface VerifyOptions {
  /** quick_check instead of integrity_check, and file sizes instead of re-hashing every file. */
  quick?: boolean;
}

/**
 * Checks everything an archive is made of: the SQLite file (integrity_check, or quick_check),
 * foreign keys, both FTS5 indexes (their `integrity-check` command), the audit hash chain, the
 * schema against what the migrations produce, every stored file's SHA-256, store files no record
 * points to, and the agency forms. Each damaged document is named.
 */
export async function verifyArchive(db: Db, store: FileStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  const checks: CheckResult[] = [];
  const damaged = new Map<number, Set<string>>();
  const blame = (ids: Iterable<number>, problem: string) => {
    for (const id of ids) {
      const set = damaged.get(id) ?? new Set<string>();
      set.add(problem);
      damaged.set(id, set);
    }
  };
  const run = (name: CheckName, body: () => string[]) => {
    try {
      const problems = body();
      checks.push({ name, ok: problems.length === 0, problems });
    } catch (e) {
      checks.push({ name, ok: false, problems: [`check could not run: ${(e as Error).message}`] });
    }
  };

  // integrity_check itself may throw "malformed" on a damaged page: that is a failure too.
  let databaseOk = false;
  run('database', () => {
    const rows = db.pragma(options.quick ? 'quick_check' : 'integrity_check') as Record<string, string>[];
    const problems = rows.map((r) => Object.values(r)[0]!).filter((v) => v !== 'ok');
    databaseOk = problems.length === 0;
    return problems;
  });
  if (!databaseOk) for (const [id, problems] of probeDocuments(db)) for (const p of problems) blame([id], p);

  run('foreign-keys', () => {
    const rows = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
    for (const r of rows) blame(documentsOfRows(db, r.table, r.rowid), `${r.table} row refers to a missing ${r.parent} row`);
    return rows.map((r) => `${r.table} rowid ${r.rowid ?? '?'} → missing ${r.parent}`);
  });

  run('search-index', () => {
    const problems: string[] = [];
    for (const table of ['search_index', 'search_head']) {
      try {
        db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run();
      } catch (e) {
        problems.push(`${table}: ${(e as Error).message} (rebuild the search index from a backup or re-import)`);
      }
    }
    return problems;
  });

  run('audit', () => {
    const audit = verifyAudit(db);
    if (audit.ok || !audit.firstBroken) return [];
    const row = db.prepare('SELECT document_id FROM audit WHERE seq = ?').get(audit.firstBroken.seq) as { document_id: number | null } | undefined;
    if (row?.document_id) blame([row.document_id], `audit event ${audit.firstBroken.seq}: ${audit.firstBroken.reason}`);
    return [`event ${audit.firstBroken.seq}: ${audit.firstBroken.reason}`];
  });

  run('schema', () => {
    const diff = compareSchema(db);
    return [
      ...diff.extra.map((o) => `unexpected ${o.type} ${o.name}${o.sql ? `: ${o.sql.slice(0, 160)}` : ''}`),
      ...diff.missing.map((o) => `missing or changed ${o.type} ${o.name}`),
    ];
  });

  const stored = await checkStoredFiles(db, store, Boolean(options.quick));
  for (const m of stored.missing) blame(m.documents, `stored file ${m.sha256.slice(0, 12)}… is missing`);
  for (const m of stored.mismatched) blame(m.documents, `stored file ${m.sha256.slice(0, 12)}… was altered`);
  checks.push({
    name: 'store',
    ok: stored.missing.length === 0 && stored.mismatched.length === 0,
    problems: [
      ...stored.missing.map((m) => `missing ${m.sha256}`),
      ...stored.mismatched.map((m) => (m.actual ? `altered ${m.sha256} (now ${m.actual})` : `size differs ${m.sha256}`)),
    ],
  });

  const known = new Set(stored.known);
  const scan = await scanStoreFolder(store.root, (sha) => known.has(sha));
  // Not damage: a write killed between storing a file and recording it leaves one (start-up
  // removes old temp files; an orphan costs only disk space). Reported, never a failure.
  checks.push({
    name: 'orphans',
    ok: true,
    problems: [],
    warnings: [...scan.orphans.map((o) => `no record points to store/${o}`), ...scan.debris.map((d) => `leftover of an interrupted write: store/${d}`)],
  });

  const forms = await checkAgencyForms(db, store).catch((e: Error) => [{ key: 'agency.form.*', problem: e.message, documents: [] }]);
  for (const f of forms) blame(f.documents, `agency form ${f.key} points at this document`);
  checks.push({ name: 'forms', ok: forms.length === 0, problems: forms.map((f) => `${f.key}: ${f.problem}`) });

  const names = fileNames(db, [...damaged.keys()]);
  return {
    ok: checks.every((c) => c.ok),
    quick: Boolean(options.quick),
    checked: stored.checked,
    missing: stored.missing,
    mismatched: stored.mismatched,
    orphans: scan.orphans,
    debris: scan.debris,
    checks,
    damagedDocuments: [...damaged.entries()]
      .sort(([a], [b]) => a - b)
      .map(([id, problems]) => ({ id, fileName: names.get(id) ?? null, problems: [...problems] })),
  };
}

interface StoredFiles {
  checked: number;
  known: string[];
  missing: VerifyReport['missing'];
  mismatched: VerifyReport['mismatched'];
}

/** Re-hashes (quick: stats) every file of the `files` table and names the documents of a bad one. */
async function checkStoredFiles(db: Db, store: FileStore, quick: boolean): Promise<StoredFiles> {
  let files: { sha256: string; size: number }[];
  try {
    files = db.prepare('SELECT sha256, size FROM files ORDER BY sha256').all() as { sha256: string; size: number }[];
  } catch {
    files = [];
  }
  const docsOf = db.prepare(
    'SELECT id FROM documents WHERE file_sha256 = ? UNION SELECT document_id FROM pages WHERE image_sha256 = ? ORDER BY 1',
  );
  const documentsOf = (sha: string): number[] => {
    try {
      return (docsOf.all(sha, sha) as { id: number }[]).map((d) => d.id);
    } catch {
      return [];
    }
  };
  const result: StoredFiles = { checked: 0, known: files.map((f) => f.sha256), missing: [], mismatched: [] };
  for (const { sha256, size } of files) {
    result.checked += 1;
    const file = store.pathFor(sha256);
    try {
      if (quick) {
        const info = await stat(file);
        if (info.size !== size) result.mismatched.push({ sha256, actual: '', documents: documentsOf(sha256) });
        continue;
      }
      const actual = await sha256OfFile(file);
      if (actual !== sha256) result.mismatched.push({ sha256, actual, documents: documentsOf(sha256) });
    } catch {
      result.missing.push({ sha256, documents: documentsOf(sha256) });
    }
  }
  return result;
}

function fileNames(db: Db, ids: number[]): Map<number, string> {
  const names = new Map<number, string>();
  const stmt = db.prepare('SELECT file_name FROM documents WHERE id = ?');
  for (const id of ids) {
    try {
      const row = stmt.get(id) as { file_name: string } | undefined;
      if (row) names.set(id, row.file_name);
    } catch {
      // the row itself is unreadable: the id is all we can name
    }
  }
  return names;
}

/** The store-only check kept for callers that hash files without the database checks. */
export async function verifyStore(db: Db, store: FileStore): Promise<Pick<VerifyReport, 'ok' | 'checked' | 'missing' | 'mismatched'>> {
  const stored = await checkStoredFiles(db, store, false);
  return { ok: stored.missing.length === 0 && stored.mismatched.length === 0, checked: stored.checked, missing: stored.missing, mismatched: stored.mismatched };
}
