/**
 * The decision being prepared for one document, and the rules that keep a basis from ever being
 * defaulted: a class key takes the suggestion's basis only when the suggestion has that class
 * (or keeps a basis the reviewer chose, or the recorded decision's, when it fits); otherwise the
 * basis is cleared and the picker must be used. Approval is blocked without a class and a basis.
 */
import type { AccessClass } from '../../../../shared/domain/access';

export type BasisSource = 'suggested' | 'chosen' | 'decided';

export interface DecisionDraft {
  access: AccessClass | null;
  basis: string;
  /** Where the basis came from; null when there is none. */
  source: BasisSource | null;
  note: string;
  /** The reviewer's edit of the published title; null = the proposal shown (not edited). */
  publishedTitle: string | null;
  /** Public with redactions (công khai một phần): access is public. */
  partial?: boolean;
}

export interface DraftContext {
  suggested: { class: AccessClass | null; basis: string | null } | null;
  decided: { class: AccessClass; basis: string } | null;
  /** The access class a registry entry supports (null: any), undefined when unknown. */
  classOf: (basis: string) => AccessClass | null | undefined;
  /** The document's redaction regions, when known (a partial decision needs them decided). */
  redaction?: { accepted: number; proposed: number } | null;
}

export const EMPTY_DRAFT: DecisionDraft = { access: null, basis: '', source: null, note: '', publishedTitle: null };

/** A document's starting draft: its decision, else its suggestion (only when it has a class). */
export function initialDraft(ctx: Pick<DraftContext, 'suggested' | 'decided'> & { decided: { partial?: boolean } | null }): DecisionDraft {
  if (ctx.decided) return { ...EMPTY_DRAFT, access: ctx.decided.class, basis: ctx.decided.basis, source: 'decided', ...(ctx.decided.partial ? { partial: true } : {}) };
  if (ctx.suggested?.class && ctx.suggested.basis)
    return { ...EMPTY_DRAFT, access: ctx.suggested.class, basis: ctx.suggested.basis, source: 'suggested' };
  return EMPTY_DRAFT;
}

const fits = (ctx: DraftContext, basis: string, access: AccessClass) => {
  const c = ctx.classOf(basis);
  return c !== undefined && (c === null || c === access);
};

/** Class key 1/2/3: the new draft, and whether the basis picker must open. */
export function pressClass(draft: DecisionDraft, access: AccessClass, ctx: DraftContext): { draft: DecisionDraft; pick: boolean } {
  if (draft.partial) {
    const whole = pressClass({ ...draft, partial: false }, access, ctx);
    return { ...whole, draft: { ...whole.draft, partial: false } };
  }
  if (draft.basis && draft.source !== 'suggested' && draft.access === access && fits(ctx, draft.basis, access))
    return { draft, pick: false };
  if (ctx.suggested?.class === access && ctx.suggested.basis && fits(ctx, ctx.suggested.basis, access))
    return { draft: { ...draft, access, basis: ctx.suggested.basis, source: 'suggested' }, pick: false };
  if (ctx.decided?.class === access && fits(ctx, ctx.decided.basis, access))
    return { draft: { ...draft, access, basis: ctx.decided.basis, source: 'decided' }, pick: false };
  return { draft: { ...draft, access, basis: '', source: null }, pick: true };
}

/** Key 4: public with redactions — the public class's basis rules, the partial flag set. */
export function pressPartial(draft: DecisionDraft, ctx: DraftContext): { draft: DecisionDraft; pick: boolean } {
  const asPublic = pressClass({ ...draft, partial: false }, 'public', ctx);
  return { ...asPublic, draft: { ...asPublic.draft, partial: true } };
}

/** The reviewer picked a basis in the picker. The class follows the entry's when it has one. */
export function pickBasis(draft: DecisionDraft, basis: string, ctx: DraftContext): DecisionDraft {
  const c = ctx.classOf(basis);
  const access = c ?? draft.access;
  return { ...draft, access, basis, source: 'chosen', partial: access === 'public' && draft.partial === true };
}

export type ApprovalBlocker = 'noClass' | 'noBasis' | 'basisMismatch' | 'noRegions' | 'regionsUndecided' | null;

/** Why Enter cannot approve this draft, or null when it can. */
export function approvalBlocker(draft: DecisionDraft, ctx: DraftContext): ApprovalBlocker {
  if (!draft.access) return 'noClass';
  if (!draft.basis || !draft.source) return 'noBasis';
  if (!fits(ctx, draft.basis, draft.access)) return 'basisMismatch';
  // The engine refuses these too (REDACTION_EMPTY, REDACTION_UNDECIDED); said here before Enter.
  if (draft.partial && ctx.redaction && ctx.redaction.proposed > 0) return 'regionsUndecided';
  if (draft.partial && ctx.redaction && ctx.redaction.accepted === 0) return 'noRegions';
  return null;
}

export function sameDraft(a: DecisionDraft, b: DecisionDraft): boolean {
  return (
    a.access === b.access &&
    a.basis === b.basis &&
    a.note.trim() === b.note.trim() &&
    (a.partial ?? false) === (b.partial ?? false) &&
    (a.publishedTitle ?? '').trim() === (b.publishedTitle ?? '').trim()
  );
}
