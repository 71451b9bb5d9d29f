/**
 * What the access model reads of a document, as tokens: the document type, the issuer's words,
 * the subject's words and word pairs, and the words of page 1 — folded (no diacritics, đ→d, lower
 * case), so OCR's lost accents do not split a word in two. Tokens with digits are dropped: numbers,
 * dates, ID and phone numbers carry no class and must never reach a shared model.
 */
import { fold } from '../../../../shared/text/vietnamese';
import type { ModelInput } from './types';

/** Bumped when tokens change: a model trained on other tokens is retrained, an import refused. */
export const FEATURES_VERSION = 'features-1';

/** Page-1 words kept (a long first page adds little past its opening). */
const FIRST_PAGE_WORDS = 400;

const words = (text: string | null): string[] => (text ? fold(text).match(/[a-z0-9]+/g) ?? [] : []).filter((w) => w.length >= 2 && !/\d/.test(w));

export function modelTokens(input: ModelInput): string[] {
  const tokens = new Set<string>();
  if (input.docType) tokens.add(`t:${words(input.docType).join('_')}`);
  for (const w of words(input.issuer)) tokens.add(`i:${w}`);
  const subject = words(input.subject);
  subject.forEach((w, i) => {
    tokens.add(`s:${w}`);
    if (i > 0) tokens.add(`s:${subject[i - 1]}_${w}`);
  });
  for (const w of words(input.firstPage).slice(0, FIRST_PAGE_WORDS)) tokens.add(`b:${w}`);
  return [...tokens];
}

/** A token as a reviewer reads it: "s:tuyen_dung" → "tuyen dung". */
export function readableToken(token: string): string {
  return token.slice(2).replace(/_/g, ' ');
}
