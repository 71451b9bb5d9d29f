import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/index';
import { fixture, tempDir } from '../../helpers/fixtures';
import { fold } from '../../../shared/text/vietnamese';

describe('search over page text and header fields', () => {
  const temp = tempDir();
  let engine: Engine;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    engine = await createEngine({ dataDir: path.join(temp.dir, 'data'), actor: 'test' });
    for (const d of ['d01', 'd03', 'd10', 'd15', 'd23']) {
      const [result] = await engine.importPaths([fixture('corpus', d, 'born-digital.pdf')]);
      ids[d] = result!.id!;
    }
    // Header fields as the understanding step (or a person) would set them.
    engine.correctHeader(ids.d01!, { docType: 'Công văn', issuer: 'Ủy ban nhân dân huyện Mỹ Xuyên', issuedDate: '2021-08-16', numberNotation: '1245/UBND-VP' }, 'test');
    engine.correctHeader(ids.d15!, { docType: 'Quyết định', issuer: 'Ủy ban nhân dân huyện Châu Thành', issuedDate: '2022-09-14', numberNotation: '1534/QĐ-UBND' }, 'test');
  });
  afterAll(async () => {
    await engine.close();
    temp.cleanup();
  });

  it('finds accented text from a query typed without diacritics, đ included', () => {
    const withMarks = engine.search('tiếp cận thông tin').map((h) => h.id);
    const without = engine.search('tiep can thong tin').map((h) => h.id);
    expect(without.length).toBeGreaterThan(0);
    expect(without).toEqual(withMarks);
    const donDoc = engine.search('don doc');
    expect(donDoc.length).toBeGreaterThan(0);
    for (const hit of donDoc) {
      const marked = hit.snippetParts.filter((p) => p.hit).map((p) => fold(p.text));
      expect(marked.length).toBeGreaterThan(0);
      expect(marked.every((t) => t === 'don' || t === 'doc')).toBe(true);
    }
    const phrase = engine.search('"don doc"');
    expect(phrase.map((h) => h.id)).toContain(ids.d03);
    expect(phrase[0]!.snippet).toMatch(/<mark>đôn đốc<\/mark>/i);
  });

  it('highlights the original accented words in the snippet', () => {
    const [hit] = engine.search('niem yet');
    expect(hit!.id).toBe(ids.d01);
    expect(hit!.snippet).toMatch(/<mark>niêm<\/mark> <mark>yết<\/mark>/i);
  });

  it('supports phrases and prefixes', () => {
    expect(engine.search('"bí mật nhà nước"').map((h) => h.id)).toContain(ids.d10);
    expect(engine.search('"nha nuoc bi mat"').map((h) => h.id)).not.toContain(ids.d10);
    expect(engine.search('niem*').map((h) => h.id)).toContain(ids.d01);
    expect(engine.search('niem').map((h) => h.id)).toContain(ids.d01);
    expect(engine.search('nie').map((h) => h.id)).toEqual([]);
  });

  it('finds a document by its number and by its header fields', () => {
    expect(engine.search('1534/QĐ-UBND').map((h) => h.id)).toEqual([ids.d15]);
    expect(engine.search('1534/qd-ubnd').map((h) => h.id)).toEqual([ids.d15]);
    expect(engine.search('1245/UBND-VP')[0]!.id).toBe(ids.d01);
  });

  it('ranks the document where the words stand together first', () => {
    const hits = engine.search('bao tro xa hoi');
    expect(hits[0]!.id).toBe(ids.d15);
    expect(hits.every((h, i) => i === 0 || hits[i - 1]!.score >= h.score)).toBe(true);
  });

  it('puts documents whose header holds every word before body-only matches', () => {
    const before = engine.search('ke hoach phong chong');
    engine.correctHeader(ids.d23!, { subject: 'Kế hoạch phòng, chống thiên tai' }, 'test');
    const after = engine.search('ke hoach phong chong');
    expect(after[0]).toMatchObject({ id: ids.d23, score: 3, page: 0 });
    expect(after[0]!.snippet).toContain('<mark>Kế</mark> <mark>hoạch</mark> <mark>phòng</mark>');
    expect(before.map((h) => h.id)).not.toContain(ids.d23);
  });

  it('filters by type, year, issuer, status and access class', () => {
    expect(engine.search('uy ban', { docType: 'Quyết định' }).map((h) => h.id)).toEqual([ids.d15]);
    expect(engine.search('uy ban', { year: 2021 }).map((h) => h.id)).toEqual([ids.d01]);
    expect(engine.search('uy ban', { year: 2020 })).toEqual([]);
    expect(engine.search('uy ban', { issuer: 'Ủy ban nhân dân huyện Châu Thành' }).map((h) => h.id)).toEqual([ids.d15]);
    expect(engine.search('uy ban', { status: 'text_ready' }).length).toBeGreaterThan(1);
    expect(engine.search('uy ban', { access: 'public' })).toEqual([]);
    expect(engine.search('uy ban', { access: 'undecided' }).length).toBeGreaterThan(1);
  });

  it('answers nonsense and FTS5 operators safely', () => {
    expect(engine.search('"')).toEqual([]);
    expect(engine.search('NEAR(a b) OR col:x')).toEqual([]);
  });
});
