/**
 * "Public with redactions" on a real SQLite archive, without OCR: the decision's guards (no
 * approval while a proposal is undecided, no plain public approval over marked regions, partial
 * only for public), what the export plan publishes (withheld grounds, masked title and fields),
 * holding back after a region change, bulk approval and provision, undo — and a property over
 * random histories of region changes, decisions and undos: a document with regions is never in
 * the plan unless a partial decision approved exactly its current regions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/engine/archive/database';
import { insertDocument, writeHeaderFields } from '../../../electron/engine/archive/documentsRepo';
import { bulkApprovalPlan, recordDecision } from '../../../electron/engine/review/decisions';
import { undoLastDecision } from '../../../electron/engine/review/undo';
import { planExport } from '../../../electron/engine/catalogue/exportPlan';
import { listAudit, verifyAudit } from '../../../electron/engine/audit/auditLog';
import {
  addRegions,
  listRegions,
  redactionState,
  setRegionState,
  type NewRegion,
} from '../../../electron/engine/redaction/regions';
import { groundFor } from '../../../electron/engine/redaction/grounds';
import { providability } from '../../../electron/engine/requests/provision';
import { AppError } from '../../../shared/domain/errors';

let dir = '';
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-partial-'));
  db = openDatabase(path.join(dir, 'archive.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

let seq = 0;
const PERSON = 'Phạm Văn Toàn';
function addDocument(): number {
  seq += 1;
  const text = `QUYẾT ĐỊNH\nVề việc hỗ trợ ông ${PERSON}\nÔng ${PERSON}, CCCD 079080001231, được hỗ trợ 5.000.000 đồng.`;
  const id = insertDocument(db, {
    sha256: `${seq}`.padStart(64, 'a'),
    size: 100,
    mime: 'application/pdf',
    fileName: `vb-${seq}.pdf`,
    pages: [{ n: 1, width: 595, height: 842, text }],
    warnings: [],
  });
  writeHeaderFields(db, id, {
    docType: 'Quyết định',
    subject: `Về việc hỗ trợ ông ${PERSON}`,
    numberNotation: `${seq}/QĐ-UBND`,
    issuer: 'UBND huyện Châu Thành',
  });
  return id;
}

const ground = () => groundFor({ personal: true });
const region = (text: string, y: number, state: NewRegion['state'] = 'proposed'): NewRegion => ({
  page: 1,
  boxes: [{ x: 0.1, y, w: 0.3, h: 0.02 }],
  state,
  origin: 'finding',
  category: text.match(/\d/) ? 'cccd' : 'name',
  ground: ground(),
  text,
  sourceKey: `1:${y}`,
});
const PUBLIC = 'L104.D17.K1.e';
const decidePartial = (id: number, extra: Partial<Parameters<typeof recordDecision>[1]> = {}) =>
  recordDecision(db, {
    documentId: id,
    access: 'public',
    basis: PUBLIC,
    reviewer: 'Lê B',
    partial: true,
    note: 'che',
    ...extra,
  });
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return null;
};
const plan = () => planExport(db, { asOf: '2026-06-01' });

describe('the partial decision and its guards', () => {
  it('is refused while a proposed region is undecided (engine rule, code, Vietnamese message)', () => {
    const id = addDocument();
    addRegions(db, id, [region(PERSON, 0.1), region('079080001231', 0.2)], 'Lê B', 'redaction.proposed');
    let err: AppError | null = null;
    try {
      decidePartial(id);
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.code).toBe('REDACTION_UNDECIDED');
    expect(err?.toUser().message).toMatch(/Còn 2 vùng che chưa quyết định/);
    setRegionState(
      db,
      id,
      listRegions(db, id).map((r) => r.id),
      'accepted',
      'Lê B',
    );
    expect(decidePartial(id)).toMatchObject({
      partial: 1,
      approved: 1,
      redaction_key: redactionState(db, id).key,
    });
  });

  it('refuses a plain public approval over marked regions, a partial conditional one, and a partial one with no region', () => {
    const id = addDocument();
    expect(code(() => decidePartial(id))).toBe('REDACTION_EMPTY');
    addRegions(db, id, [region(PERSON, 0.1, 'accepted')], 'Lê B', 'redaction.drawn');
    expect(
      code(() => recordDecision(db, { documentId: id, access: 'public', basis: PUBLIC, reviewer: 'Lê B' })),
    ).toBe('REDACTION_NOT_APPLIED');
    expect(
      code(() =>
        recordDecision(db, {
          documentId: id,
          access: 'conditional',
          basis: 'L104.D7.K2',
          reviewer: 'Lê B',
          partial: true,
        }),
      ),
    ).toBe('REDACTION_PARTIAL_CLASS');
    // A conditional decision (nothing of the text is published) and a draft are allowed.
    expect(
      code(() =>
        recordDecision(db, {
          documentId: id,
          access: 'public',
          basis: PUBLIC,
          reviewer: 'Lê B',
          approve: false,
        }),
      ),
    ).toBeNull();
  });

  it('publishes the entry as partly withheld on its grounds, every field masked, and holds it back after a region change until approved again', () => {
    const id = addDocument();
    addRegions(
      db,
      id,
      [region(PERSON, 0.1, 'accepted'), region('079080001231', 0.2, 'accepted')],
      'Lê B',
      'redaction.proposed',
    );
    decidePartial(id);
    const entry = plan().publicEntries.find((e) => e.documentId === id)!;
    expect(entry.withheld?.grounds).toEqual([
      { label: 'Đ7.K2', citation: 'khoản 2 Điều 7 Luật Tiếp cận thông tin 104/2016/QH13' },
    ]);
    expect(entry.title).not.toContain(PERSON);
    expect(entry.title).toContain('[đã che]');
    expect(providability(db, id, '2026-06-01').providable).toBe(true);

    // The reviewer removes a region: the approved regions are not the document's any more.
    setRegionState(db, id, [listRegions(db, id)[1]!.id], 'removed', 'Lê B');
    expect(plan().heldBack).toContainEqual({ documentId: id, reason: 'redaction-changed' });
    expect(plan().publicEntries.some((e) => e.documentId === id)).toBe(false);
    expect(providability(db, id, '2026-06-01')).toMatchObject({ providable: false, code: 'NOT_PROVIDABLE' });
    decidePartial(id);
    expect(plan().publicEntries.some((e) => e.documentId === id)).toBe(true);

    // A region marked after a plain public approval holds the document back too.
    const other = addDocument();
    recordDecision(db, { documentId: other, access: 'public', basis: PUBLIC, reviewer: 'Lê B' });
    expect(plan().publicEntries.some((e) => e.documentId === other)).toBe(true);
    addRegions(db, other, [region(PERSON, 0.1)], 'Lê B', 'redaction.proposed');
    expect(plan().heldBack).toContainEqual({ documentId: other, reason: 'redaction-changed' });
  });

  it('bulk approval leaves documents with regions to a reviewer; undo of a partial approval never approves', () => {
    const id = addDocument();
    const plain = addDocument();
    for (const d of [id, plain]) {
      db.prepare(
        "INSERT INTO suggestions (document_id, access_class, basis_id, basis_version, reasons, engine_version, created_at) VALUES (?, 'public', ?, '2016', '[]', 't', '2026-01-01')",
      ).run(d, PUBLIC);
    }
    addRegions(db, id, [region(PERSON, 0.1, 'accepted')], 'Lê B', 'redaction.drawn');
    expect(bulkApprovalPlan(db, {}).map((i) => i.id)).toEqual([plain]);
    decidePartial(id);
    const [undone] = undoLastDecision(db, 'Lê B');
    expect(undone).toMatchObject({ documentId: id, restored: null });
    expect(plan().publicEntries.some((e) => e.documentId === id)).toBe(false);
    expect(listAudit(db, id).map((e) => e.action)).toEqual([
      'redaction.drawn',
      'decision.recorded',
      'decision.undone',
    ]);
    expect(verifyAudit(db).ok).toBe(true);
  });
});

type Step =
  | { kind: 'propose'; drawn: boolean }
  | { kind: 'accept' | 'remove' | 'reopen'; which: number }
  | { kind: 'decide'; access: 'public' | 'conditional' | 'secret'; partial: boolean; approve: boolean }
  | { kind: 'undo' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('propose' as const), drawn: fc.boolean() }),
  fc.record({
    kind: fc.constantFrom('accept' as const, 'remove' as const, 'reopen' as const),
    which: fc.nat(5),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      access: fc.constantFrom('public' as const, 'conditional' as const, 'secret' as const),
      partial: fc.boolean(),
      approve: fc.boolean(),
    }),
  },
  fc.record({ kind: fc.constant('undo' as const) }),
);

describe('property: never published whole over regions, never with regions other than the approved ones', () => {
  it('holds over random histories of proposals, region decisions, decisions and undos', () => {
    let refused = 0;
    let publishedRedacted = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => {
        const id = addDocument();
        let proposals = 0;
        for (const s of steps) {
          try {
            if (s.kind === 'propose') {
              proposals += 1;
              // A drawn box is accepted at once; a finding is proposed.
              addRegions(
                db,
                id,
                [region(`${PERSON} ${proposals}`, 0.05 * proposals, s.drawn ? 'accepted' : 'proposed')],
                'Lê B',
                s.drawn ? 'redaction.drawn' : 'redaction.proposed',
              );
            } else if (s.kind === 'undo') undoLastDecision(db, 'Lê B');
            else if (s.kind === 'decide')
              recordDecision(db, {
                documentId: id,
                access: s.access,
                basis:
                  s.access === 'public' ? PUBLIC : s.access === 'conditional' ? 'L104.D7.K2' : 'L104.D6.K1',
                reviewer: 'Lê B',
                partial: s.partial,
                approve: s.approve,
                note: 'đổi',
              });
            else {
              const regions = listRegions(db, id);
              const r = regions[s.which % Math.max(1, regions.length)];
              if (r)
                setRegionState(
                  db,
                  id,
                  [r.id],
                  s.kind === 'accept' ? 'accepted' : s.kind === 'remove' ? 'removed' : 'proposed',
                  'Lê B',
                );
            }
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            refused += 1;
          }
          // The invariant after every step.
          const latest = db
            .prepare('SELECT * FROM decisions WHERE document_id = ? ORDER BY id DESC LIMIT 1')
            .get(id) as
            | { approved: number; access_class: string; partial: number; redaction_key: string | null }
            | undefined;
          const state = redactionState(db, id);
          const entry = plan().publicEntries.find((e) => e.documentId === id);
          const active = state.accepted.length + state.proposed > 0;
          if (entry) {
            expect(latest?.approved).toBe(1);
            expect(latest?.access_class).toBe('public');
            if (active || entry.withheld) {
              // The oracle, written here from the rows: partial, approved on exactly these regions.
              expect(latest?.partial).toBe(1);
              expect(latest?.redaction_key).toBe(state.key);
              expect(state.proposed).toBe(0);
              expect(state.accepted.length).toBeGreaterThan(0);
              expect(entry.withheld?.key).toBe(state.key);
              expect(entry.title).not.toContain(PERSON);
              publishedRedacted += 1;
            }
          } else if (
            latest?.approved === 1 &&
            latest.access_class === 'public' &&
            !active &&
            latest.partial === 0
          ) {
            throw new Error('a plain public approval without regions must publish');
          }
        }
      }),
      { numRuns: 150 },
    );
    expect(refused).toBeGreaterThan(0);
    expect(publishedRedacted).toBeGreaterThan(0);
  });
});
