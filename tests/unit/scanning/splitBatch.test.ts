import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDocuments, type PageJudgement, type SplitOptions } from '../../../electron/engine/scanning/batch/splitBatch';

const C: PageJudgement = { blank: false, separator: false };
const B: PageJudgement = { blank: true, separator: false };
const S: PageJudgement = { blank: false, separator: true };
const U: PageJudgement = { blank: null, separator: null };

describe('splitting a batch into documents', () => {
  it('QR separators start documents and are left out; blank pages removed', () => {
    expect(planDocuments([S, C, B, C, S, C], { split: 'qr', removeBlank: true, duplex: false })).toEqual({
      documents: [[2, 4], [6]],
      dropped: [
        { n: 1, reason: 'separator' },
        { n: 3, reason: 'blank' },
        { n: 5, reason: 'separator' },
      ],
    });
  });

  it('blank separator sheets in simplex; consecutive ones make no empty document', () => {
    expect(planDocuments([C, C, B, B, C], { split: 'blank', removeBlank: true, duplex: false }).documents).toEqual([[1, 2], [5]]);
  });

  it('duplex: only a sheet blank on both sides separates; a blank back is just removed', () => {
    // sheets: (C,B) (C,C) (B,B) (C,B)
    const plan = planDocuments([C, B, C, C, B, B, C, B], { split: 'blank', removeBlank: true, duplex: true });
    expect(plan.documents).toEqual([[1, 3, 4], [7]]);
    expect(plan.dropped).toEqual([
      { n: 2, reason: 'blank' },
      { n: 5, reason: 'separator' },
      { n: 6, reason: 'separator' },
      { n: 8, reason: 'blank' },
    ]);
  });

  it('duplex QR: the blank back of a separator sheet goes with it', () => {
    expect(planDocuments([S, B, C, C, S, B, C, B], { split: 'qr', removeBlank: false, duplex: true }).documents).toEqual([[3, 4], [7, 8]]);
  });

  it('keeps blank pages when asked, and pages not yet analysed always', () => {
    expect(planDocuments([C, B, U], { split: 'none', removeBlank: false, duplex: false }).documents).toEqual([[1, 2, 3]]);
    expect(planDocuments([U, B, U], { split: 'blank', removeBlank: true, duplex: false }).documents).toEqual([[1], [3]]);
  });

  const judgement = fc.record({
    blank: fc.constantFrom(true, false, null),
    separator: fc.constantFrom(true, false, null),
  });
  const options = fc.record({
    split: fc.constantFrom<SplitOptions['split']>('none', 'blank', 'qr'),
    removeBlank: fc.boolean(),
    duplex: fc.boolean(),
  });

  it('property: every page exactly once, content never dropped, order kept, no empty document', () => {
    fc.assert(
      fc.property(fc.array(judgement, { maxLength: 60 }), options, (pages, opts) => {
        const plan = planDocuments(pages, opts);
        const placed = plan.documents.flat();
        const all = [...placed, ...plan.dropped.map((d) => d.n)].sort((a, b) => a - b);
        expect(all).toEqual(pages.map((_, i) => i + 1));
        expect(placed).toEqual([...placed].sort((a, b) => a - b));
        expect(plan.documents.every((d) => d.length > 0)).toBe(true);
        for (const d of plan.dropped) {
          const page = pages[d.n - 1]!;
          // Dropped only for a reason the analysis gave: blank, or a separator code.
          expect(page.blank === true || (opts.split === 'qr' && page.separator === true)).toBe(true);
        }
        if (opts.split === 'none') expect(plan.documents.length).toBeLessThanOrEqual(1);
        if (!opts.removeBlank && opts.split === 'none') expect(plan.dropped).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
