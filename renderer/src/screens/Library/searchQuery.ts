import { fold } from '../../../../shared/text/vietnamese';

/** A last word shorter than this is not searched as a prefix while other words are there. */
export const MIN_PREFIX = 3;

/**
 * What search-as-you-type sends for what is in the box. A one- or two-letter last word after
 * other words ("tiep c") would match as a prefix against most of the vocabulary — hundreds of
 * milliseconds at 100 000 documents for no better results — so it waits until it has three
 * letters; the results for the words before it stay on screen meanwhile.
 */
export function searchableQuery(raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trimStart();
  if (text.endsWith(' ')) return text.trim();
  const words = text.split(' ');
  const last = words.at(-1) ?? '';
  if (words.length > 1 && !/["*]/.test(last) && fold(last).length < MIN_PREFIX)
    return words.slice(0, -1).join(' ');
  return text;
}
