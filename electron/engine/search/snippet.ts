import { foldWithMap } from '../../../shared/text/vietnamese';
import type { QueryTerm } from './queryParser';

export interface SnippetPart {
  text: string;
  hit: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

interface Hit {
  start: number;
  end: number;
}

/** Finds where the terms occur in folded text, word-aligned as FTS5 matched them. */
function findHits(folded: string, terms: QueryTerm[]): Hit[] {
  const words = Array.from(folded.matchAll(WORD), (w) => ({ text: w[0], start: w.index, end: w.index + w[0].length }));
  const hits: Hit[] = [];
  for (const term of terms) {
    for (let i = 0; i + term.tokens.length <= words.length; i += 1) {
      const ok = term.tokens.every((token, k) => {
        const word = words[i + k]!.text;
        const isLast = k === term.tokens.length - 1;
        return term.prefix && isLast ? word.startsWith(token) : word === token;
      });
      if (ok) hits.push({ start: words[i]!.start, end: words[i + term.tokens.length - 1]!.end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * A short excerpt of the original (accented) text around the best cluster of hits, split into
 * parts so that the caller can highlight hits without building HTML from user data.
 */
export function buildSnippet(text: string, terms: QueryTerm[], width = 160): SnippetPart[] {
  const { folded, origin, original } = foldWithMap(text);
  const hits = findHits(folded, terms);
  if (hits.length === 0) {
    const head = original.slice(0, width).replace(/\s+/g, ' ').trim();
    return head ? [{ text: head + (original.length > width ? '…' : ''), hit: false }] : [];
  }
  // The window (in folded offsets) that covers the most hits.
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < hits.length; i += 1) {
    let count = 0;
    for (let j = i; j < hits.length && hits[j]!.end - hits[i]!.start <= width; j += 1) count += 1;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  }
  const first = hits[best]!;
  let from = Math.max(0, first.start - Math.floor(width / 4));
  const to = Math.min(folded.length, from + width);
  from = Math.max(0, Math.min(from, to - width));
  const inWindow = hits.filter((h) => h.start >= from && h.end <= to);

  const parts: SnippetPart[] = [];
  const toOriginal = (i: number) => origin[i] ?? original.length;
  let cursor = toOriginal(from);
  const push = (piece: string, hit: boolean) => {
    const clean = piece.replace(/\s+/g, ' ');
    if (clean) parts.push({ text: clean, hit });
  };
  if (from > 0) push('…', false);
  for (const h of inWindow) {
    const s = toOriginal(h.start);
    const e = toOriginal(h.end);
    if (s < cursor) continue;
    push(original.slice(cursor, s), false);
    push(original.slice(s, e), true);
    cursor = e;
  }
  push(original.slice(cursor, toOriginal(to)), false);
  if (to < folded.length) push('…', false);
  return parts;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Snippet as an HTML-safe string: every piece escaped, hits wrapped in <mark>. */
export function snippetToHtml(parts: SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}
