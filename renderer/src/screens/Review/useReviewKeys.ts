import { useEffect, useEffectEvent } from 'react';

/** What each review key does; the legend (KeyLegend.tsx) lists the same names. */
export type ReviewAction =
  | 'next'
  | 'previous'
  | 'nextNeedingMe'
  | 'public'
  | 'conditional'
  | 'secret'
  /** Public with redactions (công khai một phần). */
  | 'partial'
  /** Draw a redaction region on the page image. */
  | 'draw'
  | 'basis'
  | 'note'
  | 'approve'
  | 'undo'
  | 'group'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomReset'
  | 'pagePrevious'
  | 'pageNext'
  | 'help'
  /** Esc in a field: back to the queue. */
  | 'back';

export const KEY_ACTIONS: Record<string, ReviewAction> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  t: 'nextNeedingMe',
  '1': 'public',
  '2': 'conditional',
  '3': 'secret',
  '4': 'partial',
  d: 'draw',
  b: 'basis',
  n: 'note',
  Enter: 'approve',
  u: 'undo',
  g: 'group',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  '0': 'zoomReset',
  '[': 'pagePrevious',
  ']': 'pageNext',
  '?': 'help',
};

const isTyping = (el: Element | null) =>
  el instanceof HTMLElement &&
  (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);

/** Elements whose own Enter/Space (or arrows) must keep working. */
const ownsKey = (el: Element | null, key: string) => {
  if (!(el instanceof HTMLElement)) return false;
  if ((key === 'Enter' || key === ' ') && el.closest('button, a[href], summary, [role=button]'))
    return true;
  // Arrows scroll a scrollable panel (the page text, the page image) the reviewer has focused.
  if ((key === 'ArrowDown' || key === 'ArrowUp') && el.matches('[data-scroll-keys]')) return true;
  return false;
};

/**
 * The review keys, listened for on the whole window while the Review screen is open: they work
 * wherever focus is (the queue, the evidence, a heading, a button after Analyse) except while
 * typing in a field or inside a dialog. `onAction` returns a hint when the key did nothing (shown
 * to the reviewer); an unknown letter or digit gets a hint too.
 */
export function useReviewKeys(onAction: (action: ReviewAction) => void, onUnknown: (key: string) => void): void {
  const action = useEffectEvent(onAction);
  const unknown = useEffectEvent(onUnknown);
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.metaKey) return;
      const target = document.activeElement;
      if (target?.closest('dialog[open]') || document.querySelector('dialog[open]')) return;
      // Ctrl+Z is undo too (outside fields, where it undoes typing).
      if (e.ctrlKey) {
        if (e.key.toLowerCase() === 'z' && !isTyping(target)) {
          e.preventDefault();
          action('undo');
        }
        return;
      }
      if (isTyping(target)) {
        if (e.key === 'Escape') {
          e.preventDefault();
          action('back');
        }
        return;
      }
      if (ownsKey(target, e.key)) return;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const mapped = KEY_ACTIONS[key];
      if (mapped) {
        e.preventDefault();
        action(mapped);
      } else if (/^[a-z0-9]$/.test(key)) unknown(e.key);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
