/**
 * Enter never approves a document without an explicitly chosen or suggested basis: the draft rules
 * behind the review keys (1/2/3, the picker, Enter), exhaustively over random key sequences; and
 * the basis picker's search.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessClass } from '../../../shared/domain/access';
import type { LegalRegistryView } from '../../../shared/contract/review';
import {
  approvalBlocker,
  initialDraft,
  pickBasis,
  pressClass,
  type DraftContext,
} from '../../../renderer/src/screens/Review/decisionDraft';
import { basisOptions, matchBasis } from '../../../renderer/src/screens/Review/basisSearch';
import { legalRegistry } from '../../../electron/engine/understanding/legalRegistry';
import { reviewHandlers } from '../../../electron/handlers/review';

const registry = legalRegistry();
const entries = registry.versions().flatMap((v) => registry.entries(v));
const classOf = (id: string) => {
  const e = entries.find((x) => x.id === id);
  return e ? e.accessClass : undefined;
};
const CLASSES: AccessClass[] = ['public', 'conditional', 'secret'];

const suggestionArb = fc.oneof(
  fc.constant(null),
  fc.constant({ class: null, basis: null }),
  fc.constantFrom(...entries.filter((e) => e.accessClass).map((e) => ({ class: e.accessClass as AccessClass, basis: e.id }))),
);
const decidedArb = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...entries.filter((e) => e.accessClass).map((e) => ({ class: e.accessClass as AccessClass, basis: e.id }))),
);
const actionArb = fc.oneof(
  fc.record({ key: fc.constant('class' as const), access: fc.constantFrom(...CLASSES) }),
  fc.record({ key: fc.constant('pick' as const), basis: fc.constantFrom(...entries.map((e) => e.id)) }),
  fc.record({ key: fc.constant('enter' as const) }),
);

describe('the decision draft (what Enter may approve)', () => {
  it('property: whenever Enter would approve, the basis is the suggestion’s (for that class), one the reviewer picked, or the recorded decision’s — never a registry default', () => {
    fc.assert(
      fc.property(suggestionArb, decidedArb, fc.array(actionArb, { maxLength: 12 }), (suggested, decided, actions) => {
        const ctx: DraftContext = { suggested, decided, classOf };
        let draft = initialDraft(ctx);
        const picked = new Set<string>();
        for (const a of actions) {
          if (a.key === 'class') draft = pressClass(draft, a.access, ctx).draft;
          else if (a.key === 'pick') {
            picked.add(a.basis);
            draft = pickBasis(draft, a.basis, ctx);
          } else if (approvalBlocker(draft, ctx) === null) {
            const fromSuggestion = suggested?.class === draft.access && suggested.basis === draft.basis;
            const fromDecision = decided?.basis === draft.basis && decided.class === draft.access;
            expect(fromSuggestion || picked.has(draft.basis) || fromDecision).toBe(true);
            expect(draft.access).not.toBeNull();
            const c = classOf(draft.basis);
            expect(c === null || c === draft.access).toBe(true);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a "needs review" document: 1 opens the picker with no basis, and Enter is refused until one is picked', () => {
    const ctx: DraftContext = { suggested: { class: null, basis: null }, decided: null, classOf };
    const start = initialDraft(ctx);
    expect(start.basis).toBe('');
    const { draft, pick } = pressClass(start, 'public', ctx);
    expect(pick).toBe(true);
    expect(draft.basis).toBe('');
    expect(approvalBlocker(draft, ctx)).toBe('noBasis');
    expect(approvalBlocker(pickBasis(draft, 'L104.D17.K1.dd', ctx), ctx)).toBeNull();
  });

  it('a class key takes the suggestion’s basis only for the suggested class', () => {
    const ctx: DraftContext = { suggested: { class: 'secret', basis: 'L104.D6.K1' }, decided: null, classOf };
    expect(pressClass(initialDraft(ctx), 'secret', ctx)).toEqual({ draft: expect.objectContaining({ basis: 'L104.D6.K1', source: 'suggested' }), pick: false });
    expect(pressClass(initialDraft(ctx), 'public', ctx)).toEqual({ draft: expect.objectContaining({ access: 'public', basis: '' }), pick: true });
  });
});

describe('the basis picker search', () => {
  const view = reviewHandlers({ engine: {} as never, settings: {} as never } as never)['review:registry']!({} as never) as LegalRegistryView;
  const options = basisOptions(view, '2026-06-01');
  const ids = (q: string, access: AccessClass | null = null) => matchBasis(options, q, access).map((o) => o.id);

  it('finds by words without diacritics, by "Điều N" exactly, and filters by class', () => {
    expect(ids('đất')).toContain('L104.D17.K1.g');
    expect(ids('dat')).toContain('L104.D17.K1.g');
    expect(ids('ngân sách')).toContain('L104.D17.K1.dd');
    expect(ids('Điều 7')).toEqual(expect.arrayContaining(['L104.D7.K1', 'L104.D7.K2']));
    expect(ids('Điều 7')).not.toContain('L104.D17.K1.a');
    expect(ids('', 'secret').every((id) => classOf(id) === 'secret' || classOf(id) === null)).toBe(true);
    expect(ids('điểm đ khoản 1 điều 17')).toContain('L104.D17.K1.dd');
  });

  it('lists the law in force first; the 2026 entries (no article number, unverified) are findable and say so', () => {
    expect(options[0]!.version).toBe('2016');
    expect(basisOptions(view, '2026-09-02')[0]!.version).toBe('2026');
    const budget2026 = options.find((o) => o.version === '2026' && ids('ngân sách').includes(o.id))!;
    expect(budget2026).toMatchObject({ location: null, verified: false });
    expect(budget2026.law).toContain('Luật Tiếp cận thông tin');
    expect(ids('2026 đất')).toHaveLength(1);
  });
});
