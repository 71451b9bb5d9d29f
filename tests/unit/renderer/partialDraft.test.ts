/**
 * The Review screen's "public with redactions" (key 4): it takes the public class's basis rules and
 * sets the partial flag; any other class key clears it; Enter is blocked — over random key
 * sequences and region counts — while a proposed region is undecided or none is accepted; the
 * keyboard-drawn box stays inside the page.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessClass } from '../../../shared/domain/access';
import { approvalBlocker, EMPTY_DRAFT, pickBasis, pressClass, pressPartial, sameDraft, type DraftContext } from '../../../renderer/src/screens/Review/decisionDraft';
import { moveBox } from '../../../renderer/src/screens/Redaction/drawBox';

const classOf = (id: string): AccessClass | null | undefined => ({ 'L104.D17.K1.e': 'public', 'L104.D7.K2': 'conditional', 'L104.D6.K1': 'secret' })[id] as AccessClass | undefined;
const ctx = (redaction: DraftContext['redaction'], suggested: DraftContext['suggested'] = { class: 'public', basis: 'L104.D17.K1.e' }): DraftContext => ({ suggested, decided: null, classOf, redaction });

describe('public with redactions in the decision draft', () => {
  it('key 4 takes the public suggestion’s basis and sets partial; a class key clears it', () => {
    const c = ctx({ accepted: 3, proposed: 0 });
    const partial = pressPartial(EMPTY_DRAFT, c).draft;
    expect(partial).toMatchObject({ access: 'public', basis: 'L104.D17.K1.e', partial: true });
    expect(approvalBlocker(partial, c)).toBeNull();
    expect(pressClass(partial, 'public', c).draft.partial).toBe(false);
    expect(sameDraft(partial, { ...partial, partial: false })).toBe(false);
    // Picking a conditional basis leaves "partial" (only a public decision can be partial).
    expect(pickBasis(partial, 'L104.D7.K2', c)).toMatchObject({ access: 'conditional', partial: false });
  });

  it('Enter never approves a partial draft while a region is undecided or none is accepted (property)', () => {
    const key = fc.oneof(fc.constant('4' as const), fc.constantFrom<AccessClass>('public', 'conditional', 'secret'), fc.constantFrom('L104.D17.K1.e', 'L104.D7.K2'));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 8 }), fc.nat(5), fc.nat(5), (keys, accepted, proposed) => {
        const c = ctx({ accepted, proposed });
        let draft = EMPTY_DRAFT;
        for (const k of keys) {
          if (k === '4') draft = pressPartial(draft, c).draft;
          else if (k.startsWith('L104')) draft = pickBasis(draft, k, c);
          else draft = pressClass(draft, k as AccessClass, c).draft;
        }
        const blocker = approvalBlocker(draft, c);
        if (draft.partial) {
          expect(draft.access).toBe('public');
          if (accepted === 0 || proposed > 0) expect(blocker).not.toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a box drawn with the keyboard moves and resizes in small steps and never leaves the page', () => {
    let b = { x: 0.9, y: 0.9, w: 0.2, h: 0.05 };
    b = moveBox(b, 'ArrowRight', false, true);
    expect(b.x + b.w).toBeLessThanOrEqual(1);
    b = moveBox(b, 'ArrowLeft', true, false);
    expect(b.w).toBeCloseTo(0.195);
    for (let i = 0; i < 300; i += 1) b = moveBox(b, 'ArrowUp', false, true);
    expect(b.y).toBe(0);
  });
});
