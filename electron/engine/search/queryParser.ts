import { fold } from '../../../shared/text/vietnamese';

/** One thing the user asked for: a word, a word prefix, or a phrase (consecutive words). */
export interface QueryTerm {
  tokens: string[];
  prefix: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** FTS5 expression: every term must occur. Every token is quoted, so user input can never
   *  become FTS5 syntax. */
  all: string;
  /** Several plain words typed together, as one phrase; null when there is nothing to gain. */
  phrase: string | null;
}

const WORD = /[\p{L}\p{N}]+/gu;

function tokensOf(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

function termToMatch(term: QueryTerm): string {
  return `"${term.tokens.join(' ')}"${term.prefix ? ' *' : ''}`;
}

/**
 * Reads a search box query: `"tiếp cận thông tin"` is a phrase, `thông*` a prefix, other words
 * must all occur. A chunk like `3869/UBND-NC` is a phrase of its parts. Diacritics and case are
 * ignored (đ = d). With `prefixLast`, the last word is also matched as a prefix (search as you type).
 */
export function parseQuery(raw: string, options: { prefixLast?: boolean } = {}): ParsedQuery | null {
  const terms: QueryTerm[] = [];
  const chunk = /"([^"]*)"?|(\S+)/g;
  let m: RegExpExecArray | null;
  let lastWasBare = false;
  while ((m = chunk.exec(raw)) !== null) {
    if (m[1] !== undefined) {
      const tokens = tokensOf(m[1]);
      if (tokens.length > 0) terms.push({ tokens, prefix: false });
      lastWasBare = false;
    } else if (m[2] !== undefined) {
      const tokens = tokensOf(m[2]);
      if (tokens.length === 0) continue;
      terms.push({ tokens, prefix: m[2].endsWith('*') });
      lastWasBare = true;
    }
  }
  if (options.prefixLast && lastWasBare && !/\s$/.test(raw)) {
    const last = terms[terms.length - 1]!;
    // A single letter being typed matches a third of the vocabulary: wait for the second one.
    if (last.tokens.length === 1 && last.tokens[0]!.length < 2) terms.pop();
    else last.prefix = true;
  }
  if (terms.length === 0) return null;
  const plainWords = terms.every((t) => t.tokens.length === 1);
  const last = terms[terms.length - 1]!;
  const phrase =
    terms.length > 1 && plainWords ? `"${terms.map((t) => t.tokens[0]).join(' ')}"${last.prefix ? ' *' : ''}` : null;
  return { terms, all: terms.map(termToMatch).join(' AND '), phrase };
}
