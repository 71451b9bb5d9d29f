/**
 * The review desk's engine rules on a real SQLite archive: undo (audited, never approves, refuses
 * when stale), group decisions, the next document needing a person, counts left by class, and the
 * guard that no decision is recorded without a basis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/engine/archive/database';
import { insertDocument, writeHeaderFields } from '../../../electron/engine/archive/documentsRepo';
import { decisionInForce, recordDecision, approveSuggestions } from '../../../electron/engine/review/decisions';
import { undoLastDecision } from '../../../electron/engine/review/undo';
import { decideGroup, similarDocuments, similarity, subjectPattern, SUBJECT_SIMILARITY } from '../../../electron/engine/review/group';
import { nextNeedingReview, reviewCounts } from '../../../electron/engine/review/progress';
import { reviewQueue } from '../../../electron/engine/review/queue';
import { planExport } from '../../../electron/engine/catalogue/exportPlan';
import { verifyAudit, listAudit } from '../../../electron/engine/audit/auditLog';
import type { AccessClass } from '../../../shared/domain/access';

let dir = '';
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-review-desk-'));
  db = openDatabase(path.join(dir, 'archive.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
function addDocument(subject: string, docType = 'Quyết định', issuer = 'UBND huyện Mỹ Lộc'): number {
  seq += 1;
  const id = insertDocument(db, {
    sha256: `${seq}`.padStart(64, '0'),
    size: 100,
    mime: 'application/pdf',
    fileName: `vb-${seq}.pdf`,
    pages: [{ n: 1, width: 595, height: 842, text: subject }],
    warnings: [],
  });
  writeHeaderFields(db, id, { docType, issuer, subject, numberNotation: `${seq}/QĐ-UBND` });
  return id;
}

function suggest(id: number, access: AccessClass | null, basis: string | null): void {
  db.prepare(
    "INSERT OR REPLACE INTO suggestions (document_id, access_class, basis_id, basis_version, reasons, engine_version, created_at) VALUES (?, ?, ?, '2016', '[]', 'test', '2026-01-01')",
  ).run(id, access, basis);
  db.prepare("UPDATE documents SET status = 'suggested' WHERE id = ?").run(id);
}

const BASIS: Record<AccessClass, string> = { public: 'L104.D17.K1.a', conditional: 'L104.D7.K2', secret: 'L104.D6.K1' };
/** Documents an export would publish now (public and conditional catalogue entries). */
const published = () => {
  const plan = planExport(db, { asOf: '2026-06-01' });
  return new Set([...plan.publicEntries.map((e) => e.documentId), ...plan.conditionalEntries.map((e) => Number(e.anchor.slice('dk-'.length)))]);
};
const status = (id: number) => (db.prepare('SELECT status, access_class FROM documents WHERE id = ?').get(id) as { status: string; access_class: string | null });

describe('undo of the last decision', () => {
  it('a first decision: withdrawn (no decision in force), document back to suggested, not published, audited', () => {
    const id = addDocument('Về việc ban hành quy chế');
    suggest(id, 'public', BASIS.public);
    recordDecision(db, { documentId: id, access: 'public', basis: BASIS.public, reviewer: 'An' });
    expect(published().has(id)).toBe(true);
    const [undone] = undoLastDecision(db, 'An');
    expect(undone).toMatchObject({ documentId: id, restored: null });
    expect(decisionInForce(db, id)).toBeUndefined();
    expect(status(id)).toEqual({ status: 'suggested', access_class: null });
    expect(published().has(id)).toBe(false);
    expect(reviewQueue(db).items.find((i) => i.id === id)!.decided).toBeNull();
    expect(listAudit(db, id).map((e) => e.action)).toContain('decision.undone');
    expect(verifyAudit(db).ok).toBe(true);
    // Rows are kept: the decision and its withdrawal.
    expect((db.prepare('SELECT count(*) AS c FROM decisions WHERE document_id = ?').get(id) as { c: number }).c).toBe(2);
  });

  it('a change: the earlier class and basis come back, but not approved (needs Enter again)', () => {
    const id = addDocument('Về việc thu hồi đất');
    recordDecision(db, { documentId: id, access: 'public', basis: BASIS.public, reviewer: 'An' });
    recordDecision(db, { documentId: id, access: 'secret', basis: BASIS.secret, reviewer: 'An', note: 'có dấu mật' });
    const [undone] = undoLastDecision(db, 'An');
    expect(undone!.restored).toEqual({ class: 'public', basis: BASIS.public, approved: false });
    expect(decisionInForce(db, id)).toMatchObject({ access_class: 'public', approved: 0, origin: 'undo' });
    expect(status(id)).toEqual({ status: 'reviewed', access_class: 'public' });
    expect(published().has(id)).toBe(false);
  });

  it('refuses when there is nothing to undo, when undone already, when another reviewer decided since; bulk rows are not undone', () => {
    const a = addDocument('Về việc A');
    expect(() => undoLastDecision(db, 'An')).toThrow(expect.objectContaining({ code: 'UNDO_NOTHING' }));
    recordDecision(db, { documentId: a, access: 'public', basis: BASIS.public, reviewer: 'An' });
    undoLastDecision(db, 'An');
    expect(() => undoLastDecision(db, 'An')).toThrow(expect.objectContaining({ code: 'UNDO_STALE' }));
    recordDecision(db, { documentId: a, access: 'public', basis: BASIS.public, reviewer: 'An' });
    recordDecision(db, { documentId: a, access: 'secret', basis: BASIS.secret, reviewer: 'Bình', note: 'mật' });
    const before = (db.prepare('SELECT count(*) AS c FROM decisions').get() as { c: number }).c;
    expect(() => undoLastDecision(db, 'An')).toThrow(expect.objectContaining({ code: 'UNDO_STALE' }));
    expect((db.prepare('SELECT count(*) AS c FROM decisions').get() as { c: number }).c).toBe(before);
    const b = addDocument('Về việc B');
    suggest(b, 'public', BASIS.public);
    approveSuggestions(db, {}, 'Chi');
    expect(() => undoLastDecision(db, 'Chi')).toThrow(expect.objectContaining({ code: 'UNDO_NOTHING' }));
  });

  it('property: over any history of decisions, bulk approvals and undos, undo never makes a document publishable and never loses a row', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('decide' as const), doc: fc.nat(3), access: fc.constantFrom<AccessClass>('public', 'conditional', 'secret'), approve: fc.boolean(), reviewer: fc.constantFrom('An', 'Bình') }),
      fc.record({ kind: fc.constant('undo' as const), reviewer: fc.constantFrom('An', 'Bình') }),
      fc.record({ kind: fc.constant('group' as const), docs: fc.uniqueArray(fc.nat(3), { minLength: 1, maxLength: 3 }), access: fc.constantFrom<AccessClass>('public', 'secret'), reviewer: fc.constantFrom('An', 'Bình') }),
      fc.record({ kind: fc.constant('bulk' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => {
        // Each run adds its own documents (the audit log is append-only; earlier runs stay).
        const ids = [0, 1, 2, 3].map((i) => addDocument(`Về việc hồ sơ ${i}`));
        ids.forEach((id, i) => suggest(id, i % 2 ? 'public' : null, i % 2 ? BASIS.public : null));
        for (const s of steps) {
          const rows = (db.prepare('SELECT count(*) AS c FROM decisions').get() as { c: number }).c;
          const before = published();
          try {
            if (s.kind === 'decide') recordDecision(db, { documentId: ids[s.doc]!, access: s.access, basis: BASIS[s.access], reviewer: s.reviewer, note: 'x', approve: s.approve });
            else if (s.kind === 'group') decideGroup(db, { documentIds: s.docs.map((d) => ids[d]!), access: s.access, basis: BASIS[s.access], reviewer: s.reviewer, note: 'x' });
            else if (s.kind === 'bulk') approveSuggestions(db, {}, 'Chi');
            else {
              undoLastDecision(db, s.reviewer);
              for (const id of published()) expect(before.has(id), `undo published document ${id}`).toBe(true);
            }
          } catch (e) {
            expect((e as { code?: string }).code).toMatch(/^(UNDO_NOTHING|UNDO_STALE)$/);
            expect((db.prepare('SELECT count(*) AS c FROM decisions').get() as { c: number }).c).toBe(rows);
          }
          expect((db.prepare('SELECT count(*) AS c FROM decisions').get() as { c: number }).c).toBeGreaterThanOrEqual(rows);
        }
        expect(verifyAudit(db).ok).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('group review', () => {
  it('subject patterns blank names and numbers: two copies of one kind of decision are alike, another kind is not', () => {
    const a = subjectPattern('Về việc hỗ trợ hộ ông Nguyễn Văn An, thôn 3');
    expect(a).toBe('ve viec ho tro ho ong _ thon #');
    expect(similarity(a, subjectPattern('Về việc hỗ trợ hộ bà Trần Thị Bích, thôn 12'))).toBeGreaterThanOrEqual(SUBJECT_SIMILARITY);
    expect(similarity(a, subjectPattern('Về việc ban hành kế hoạch cải cách hành chính năm 2025'))).toBeLessThan(SUBJECT_SIMILARITY);
  });

  it('finds undecided near-identical documents (same type, issuer, subject pattern) and decides them as one undoable batch', () => {
    const base = addDocument('Về việc hỗ trợ hộ ông Nguyễn Văn An, thôn 3');
    const twin = addDocument('Về việc hỗ trợ hộ bà Trần Thị Bích, thôn 12');
    const twin2 = addDocument('Về việc hỗ trợ hộ ông Lê Văn Cường, thôn 1');
    const otherIssuer = addDocument('Về việc hỗ trợ hộ ông Lê Văn Dũng, thôn 1', 'Quyết định', 'UBND xã Mỹ Hà');
    const otherType = addDocument('Về việc hỗ trợ hộ ông Lê Văn Em, thôn 1', 'Công văn');
    const unlike = addDocument('Về việc ban hành kế hoạch cải cách hành chính năm 2025');
    const decided = addDocument('Về việc hỗ trợ hộ ông Phạm Văn Giang, thôn 2');
    recordDecision(db, { documentId: decided, access: 'conditional', basis: BASIS.conditional, reviewer: 'An' });
    const similar = similarDocuments(db, base).map((d) => d.id);
    expect(similar.sort()).toEqual([twin, twin2].sort());
    for (const not of [otherIssuer, otherType, unlike, decided]) expect(similar).not.toContain(not);

    const rows = decideGroup(db, { documentIds: [base, twin], access: 'conditional', basis: BASIS.conditional, reviewer: 'An', note: null });
    expect(rows.map((r) => r.batch)).toEqual([rows[0]!.id, rows[0]!.id]);
    expect(rows.every((r) => r.origin === 'group')).toBe(true);
    expect(listAudit(db).some((e) => e.action === 'decision.group')).toBe(true);
    const undone = undoLastDecision(db, 'An');
    expect(undone.map((u) => u.documentId).sort()).toEqual([base, twin].sort());
    expect(decisionInForce(db, base)).toBeUndefined();
  });

  it('is all or nothing: a basis of the wrong class refuses the whole group', () => {
    const a = addDocument('Về việc X');
    const b = addDocument('Về việc Y');
    expect(() => decideGroup(db, { documentIds: [a, b], access: 'public', basis: BASIS.secret, reviewer: 'An' })).toThrow(
      expect.objectContaining({ code: 'BASIS_CLASS_MISMATCH' }),
    );
    expect((db.prepare('SELECT count(*) AS c FROM decisions').get() as { c: number }).c).toBe(0);
  });
});

describe('next document needing a person, and counts left', () => {
  it('skips documents with a decision in force (bulk-approved ones too), wraps round, counts by suggested class', () => {
    const [a, b, c, d] = [addDocument('A'), addDocument('B'), addDocument('C'), addDocument('D')];
    suggest(a!, 'public', BASIS.public);
    suggest(b!, 'public', BASIS.public);
    suggest(c!, null, null);
    approveSuggestions(db, {}, 'Chi'); // decides a and b
    expect(nextNeedingReview(db, {}, null)).toBe(c);
    expect(nextNeedingReview(db, {}, c!)).toBe(d);
    expect(nextNeedingReview(db, {}, d!)).toBe(c);
    expect(nextNeedingReview(db, { suggested: 'none' }, c!)).toBe(c);
    expect(reviewCounts(db)).toEqual({
      left: { public: 0, conditional: 0, secret: 0, needsReview: 1, noSuggestion: 1, total: 2 },
      decided: { approved: 2, reviewed: 0 },
    });
    recordDecision(db, { documentId: c!, access: 'secret', basis: BASIS.secret, reviewer: 'An' });
    recordDecision(db, { documentId: d!, access: 'secret', basis: BASIS.secret, reviewer: 'An' });
    expect(nextNeedingReview(db, {}, null)).toBeNull();
    expect(reviewQueue(db, { undecided: true }).total).toBe(0);
  });
});

describe('no decision without a basis', () => {
  it('the engine refuses an empty basis (BASIS_REQUIRED) and writes nothing', () => {
    const id = addDocument('Về việc Z');
    expect(() => recordDecision(db, { documentId: id, access: 'public', basis: '', reviewer: 'An' })).toThrow(
      expect.objectContaining({ code: 'BASIS_REQUIRED' }),
    );
    expect(() => recordDecision(db, { documentId: id, access: 'public', basis: '   ', reviewer: 'An' })).toThrow(
      expect.objectContaining({ code: 'BASIS_REQUIRED' }),
    );
    expect(decisionInForce(db, id)).toBeUndefined();
  });
});
