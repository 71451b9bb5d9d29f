/**
 * Unsaved decisions, kept per document when the reviewer moves on (J/K, a click, another screen)
 * so nothing typed or chosen is thrown away; kept for the browser session (sessionStorage), never
 * written to the archive until the reviewer approves.
 */
import type { DecisionDraft } from './decisionDraft';

const KEY = 'minhbach.review.drafts';

function load(): Map<number, DecisionDraft> {
  try {
    const raw = sessionStorage.getItem(KEY);
    return new Map(raw ? (JSON.parse(raw) as [number, DecisionDraft][]) : []);
  } catch {
    return new Map();
  }
}

let drafts: Map<number, DecisionDraft> | null = null;
const store = () => (drafts ??= load());

function persist(): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify([...store()]));
  } catch {
    // Storage full or unavailable: the drafts stay in memory for this window.
  }
}

export const draftStore = {
  get: (id: number): DecisionDraft | undefined => store().get(id),
  has: (id: number): boolean => store().has(id),
  set(id: number, draft: DecisionDraft): void {
    store().set(id, draft);
    persist();
  },
  delete(id: number): void {
    if (store().delete(id)) persist();
  },
};
