import { describe, expect, it } from 'vitest';
import { searchableQuery } from '../../../renderer/src/screens/Library/searchQuery';

describe('search-as-you-type query', () => {
  it('holds back a short last word after other words', () => {
    expect(searchableQuery('tiep c')).toBe('tiep');
    expect(searchableQuery('tiep ca')).toBe('tiep');
    expect(searchableQuery('tiep can')).toBe('tiep can');
    expect(searchableQuery('quy hoach su d')).toBe('quy hoach su');
  });

  it('keeps a single word, a finished word and quoted phrases', () => {
    expect(searchableQuery('t')).toBe('t');
    expect(searchableQuery('tiep ')).toBe('tiep');
    expect(searchableQuery('  niem   yet')).toBe('niem yet');
    expect(searchableQuery('"ngan sach"')).toBe('"ngan sach"');
    expect(searchableQuery('đô')).toBe('đô');
    expect(searchableQuery('1245/UBND-VP')).toBe('1245/UBND-VP');
  });
});
