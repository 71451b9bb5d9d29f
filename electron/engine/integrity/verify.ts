import type { Db } from '../archive/database';
import { sha256OfFile, type FileStore } from '../archive/fileStore';

export interface VerifyReport {
  ok: boolean;
  checked: number;
  missing: { sha256: string; documents: number[] }[];
  mismatched: { sha256: string; actual: string; documents: number[] }[];
}

/** Re-hashes every stored file and compares it with the name it is stored under. */
export async function verifyStore(db: Db, store: FileStore): Promise<VerifyReport> {
  const files = db.prepare('SELECT sha256 FROM files ORDER BY sha256').all() as { sha256: string }[];
  const docsOf = db.prepare(
    'SELECT id FROM documents WHERE file_sha256 = ? UNION SELECT document_id FROM pages WHERE image_sha256 = ? ORDER BY 1',
  );
  const report: VerifyReport = { ok: true, checked: 0, missing: [], mismatched: [] };
  for (const { sha256 } of files) {
    report.checked += 1;
    let actual: string;
    try {
      actual = await sha256OfFile(store.pathFor(sha256));
    } catch {
      const documents = (docsOf.all(sha256, sha256) as { id: number }[]).map((d) => d.id);
      report.missing.push({ sha256, documents });
      continue;
    }
    if (actual !== sha256) {
      const documents = (docsOf.all(sha256, sha256) as { id: number }[]).map((d) => d.id);
      report.mismatched.push({ sha256, actual, documents });
    }
  }
  report.ok = report.missing.length === 0 && report.mismatched.length === 0;
  return report;
}
