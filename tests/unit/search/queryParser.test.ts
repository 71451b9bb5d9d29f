import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../electron/engine/search/queryParser';
import { buildSnippet, snippetToHtml } from '../../../electron/engine/search/snippet';

describe('search query parsing', () => {
  it('folds words and requires all of them, ranking the typed order first', () => {
    const q = parseQuery('Tiếp cận')!;
    expect(q.terms).toEqual([
      { tokens: ['tiep'], prefix: false },
      { tokens: ['can'], prefix: false },
    ]);
    expect(q.all).toBe('"tiep" AND "can"');
    expect(q.phrase).toBe('"tiep can"');
  });

  it('reads phrases, prefixes and document numbers', () => {
    expect(parseQuery('"đôn đốc" thông*')).toMatchObject({ all: '"don doc" AND "thong" *', phrase: null });
    expect(parseQuery('3869/UBND-NC')!.terms).toEqual([{ tokens: ['3869', 'ubnd', 'nc'], prefix: false }]);
  });

  it('never lets user input become FTS5 syntax', () => {
    const q = parseQuery('NEAR( a OR b ) "unterminated col:x ^y')!;
    expect(q.all).not.toMatch(/NEAR\(|col:|\^/);
    expect(parseQuery('  *** ()  ')).toBeNull();
  });

  it('treats the last word as a prefix when searching as you type', () => {
    expect(parseQuery('tiep ca', { prefixLast: true })!.terms.at(-1)).toEqual({ tokens: ['ca'], prefix: true });
    expect(parseQuery('tiep ca ', { prefixLast: true })!.terms.at(-1)).toEqual({ tokens: ['ca'], prefix: false });
    // One letter is not yet a useful prefix: the search waits for the next keystroke.
    expect(parseQuery('tiep c', { prefixLast: true })!.terms).toEqual([{ tokens: ['tiep'], prefix: false }]);
    expect(parseQuery('t', { prefixLast: true })).toBeNull();
    expect(parseQuery('t*')!.terms).toEqual([{ tokens: ['t'], prefix: true }]);
  });
});

describe('snippets', () => {
  it('highlights the accented original for an unaccented query', () => {
    const text = 'Thực hiện Luật Tiếp cận thông tin, Sở đôn đốc các cơ quan.';
    const parts = buildSnippet(text, parseQuery('tiep can thong tin don doc')!.terms);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Tiếp', 'cận', 'thông', 'tin', 'đôn', 'đốc']);
  });

  it('escapes the text around the marks', () => {
    const parts = buildSnippet('a<script>alert(1)</script> tiếp cận', parseQuery('tiep')!.terms);
    const html = snippetToHtml(parts);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<mark>tiếp</mark>');
    expect(html).not.toContain('<script>');
  });
});
