/**
 * The static search index is derived from the last one this process built (searchIndex.ts): after
 * any sequence of changes — entries changed, added, removed, moved between the catalogues — it
 * must be exactly the files a build from nothing gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resetSearchIndexCache, searchIndexFiles } from '../../../electron/engine/catalogue/searchIndex';
import type { ExportPlan } from '../../../electron/engine/catalogue/types';

const WORDS = ['Về', 'việc', 'kế', 'hoạch', 'đầu', 'tư', 'công', 'khai', 'ngân', 'sách', '2024', '15', 'QĐ-UBND', 'Đường', 'thủy'];
const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const entry = fc.record({ id: fc.integer({ min: 0, max: 40 }), conditional: fc.boolean(), title: text, number: fc.option(text, { nil: null }), issuer: fc.option(fc.constantFrom('UBND huyện', 'Sở Tài chính'), { nil: null }) });
type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never;

function planOf(entries: Entry[]): ExportPlan {
  const unique = [...new Map(entries.map((e) => [e.id, e])).values()];
  const pid = (id: number) => `k${String(id).padStart(11, 'a').replace(/0/g, 'x').replace(/1/g, 'y')}`; // one id per document, as in a plan
  return {
    publicEntries: unique.filter((e) => !e.conditional).map((e) => ({ publicId: pid(e.id), title: e.title, numberNotation: e.number, subject: e.title, docType: 'Quyết định', issuer: e.issuer, issuedDate: '2024-01-02' })),
    conditionalEntries: unique.filter((e) => e.conditional).map((e) => ({ anchor: `dk-${pid(e.id)}`, title: e.title, numberNotation: e.number, issuedDate: null })),
  } as unknown as ExportPlan;
}

describe('search index built incrementally', () => {
  it('after any sequence of plans, equals the index built from nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 25 }), { minLength: 1, maxLength: 6 }), (plans) => {
        resetSearchIndexCache();
        let incremental = new Map<string, string>();
        for (const p of plans) incremental = searchIndexFiles(planOf(p));
        resetSearchIndexCache();
        const fresh = searchIndexFiles(planOf(plans[plans.length - 1]!));
        expect([...incremental]).toEqual([...fresh]);
      }),
      { numRuns: 150 },
    );
  });
});
