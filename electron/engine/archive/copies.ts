/**
 * Copies of one document: the same administrative document imported twice as different files (a
 * scan and its born-digital PDF, two scans). Documents whose number/notation and issue date agree
 * share a copy key (written with the header fields); among them, those whose issuers agree
 * (folded, allowing a few OCR letter errors) are copies. The born-digital copy is preferred for
 * publication (exact text), then the oldest. Derived on read: a corrected header moves a document
 * into or out of a group at once, and nothing has to be kept in step.
 */
import { distance } from 'fastest-levenshtein';
import type { Db } from './database';
import type { DocumentStatus } from '../../../shared/domain/access';
import { fold } from '../../../shared/text/vietnamese';

/** The key copies share: folded number/notation (letters and digits only, "Số:" dropped) and the
 *  ISO issue date. Null when either is missing or the number has no digit or no notation letter
 *  (a bare "12" would join unrelated documents of one day). */
export function copyKeyOf(numberNotation: string | null | undefined, issuedDate: string | null | undefined): string | null {
  if (!numberNotation || !issuedDate || !/^\d{4}-\d{2}-\d{2}$/.test(issuedDate)) return null;
  const number = fold(numberNotation)
    .replace(/^\s*s[o0]\s*[:.;]?\s*/, '')
    .replace(/[^a-z0-9]/g, '');
  if (!/\d/.test(number) || !/[a-z]/.test(number)) return null;
  return `${number}|${issuedDate}`;
}

function issuerKey(issuer: string | null): string {
  return issuer ? fold(issuer).replace(/[^a-z0-9]/g, '') : '';
}

/** Issuers agree: equal once folded, or within a few letters (OCR errors), never when missing. */
export function sameIssuer(a: string | null, b: string | null): boolean {
  const x = issuerKey(a);
  const y = issuerKey(b);
  if (!x || !y) return false;
  return x === y || distance(x, y) <= Math.max(1, Math.floor(0.12 * Math.max(x.length, y.length)));
}

export interface CopyMember {
  id: number;
  fileName: string;
  status: DocumentStatus;
  bornDigital: boolean;
}

export function isBornDigital(db: Db, documentId: number): boolean {
  const row = db.prepare(`SELECT count(*) AS c FROM pages WHERE document_id = ? AND source IS NOT 'text-layer'`).get(documentId) as { c: number };
  return row.c === 0;
}

/** The preferred copy first: born-digital, then the oldest. */
export function byPreference(a: { id: number; bornDigital: boolean }, b: { id: number; bornDigital: boolean }): number {
  return Number(b.bornDigital) - Number(a.bornDigital) || a.id - b.id;
}

interface KeyRow {
  id: number;
  issuer: string | null;
  file_name: string;
  status: DocumentStatus;
}

/** The document's copy group, itself included, preferred copy first; [] when it has no copies. */
export function copyGroup(db: Db, documentId: number): CopyMember[] {
  const self = db.prepare('SELECT copy_key, issuer FROM documents WHERE id = ?').get(documentId) as { copy_key: string | null; issuer: string | null } | undefined;
  if (!self?.copy_key) return [];
  const rows = db.prepare('SELECT id, issuer, file_name, status FROM documents WHERE copy_key = ? ORDER BY id').all(self.copy_key) as KeyRow[];
  const members = rows.filter((r) => r.id === documentId || sameIssuer(r.issuer, self.issuer));
  if (members.length < 2) return [];
  return members
    .map((r) => ({ id: r.id, fileName: r.file_name, status: r.status, bornDigital: isBornDigital(db, r.id) }))
    .sort(byPreference);
}

/** Cheap per-row form for lists: how many other copies, and the preferred one if not this. */
export function copySummary(db: Db, documentId: number, copyKey: string | null): { copies: number; preferredCopy: number | null } {
  if (!copyKey) return { copies: 0, preferredCopy: null };
  const others = db.prepare('SELECT 1 FROM documents WHERE copy_key = ? AND id != ? LIMIT 1').get(copyKey, documentId);
  if (!others) return { copies: 0, preferredCopy: null };
  const group = copyGroup(db, documentId);
  if (group.length === 0) return { copies: 0, preferredCopy: null };
  return { copies: group.length - 1, preferredCopy: group[0]!.id === documentId ? null : group[0]!.id };
}

/** Every copy group of the archive with two or more members (ids, preferred first). */
export function allCopyGroups(db: Db): CopyMember[][] {
  const keys = db
    .prepare('SELECT copy_key FROM documents WHERE copy_key IS NOT NULL GROUP BY copy_key HAVING count(*) > 1')
    .all() as { copy_key: string }[];
  const byKey = db.prepare('SELECT id, issuer, file_name, status FROM documents WHERE copy_key = ? ORDER BY id');
  const groups: CopyMember[][] = [];
  for (const { copy_key } of keys) {
    const rows = byKey.all(copy_key) as KeyRow[];
    // Connected groups of agreeing issuers (usually one group per key).
    const seen = new Set<number>();
    for (const row of rows) {
      if (seen.has(row.id)) continue;
      const group = [row];
      seen.add(row.id);
      for (let i = 0; i < group.length; i += 1) {
        for (const other of rows) {
          if (!seen.has(other.id) && sameIssuer(group[i]!.issuer, other.issuer)) {
            seen.add(other.id);
            group.push(other);
          }
        }
      }
      if (group.length > 1) {
        groups.push(group.map((r) => ({ id: r.id, fileName: r.file_name, status: r.status, bornDigital: isBornDigital(db, r.id) })).sort(byPreference));
      }
    }
  }
  return groups;
}
