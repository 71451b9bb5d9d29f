import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportPlanResult } from '../../../shared/contract/catalogue';
import type { DocumentPage } from '../../../shared/contract/documents';
import { startTestHost, type TestHost } from '../../helpers/previewHost';

/** What the Library and Export screens are given, through the preview's handler table on one
 *  archive of four born-digital documents. */
let t: TestHost;

beforeAll(async () => {
  t = await startTestHost('minhbach-screen-views-', ['d01', 'd03', 'd10', 'd15']);
  const headers: Record<string, { issuer: string | null; numberNotation: string }> = {
    d01: { issuer: 'Ủy ban nhân dân xã An Bình', numberNotation: '12/UBND' },
    d03: { issuer: 'Đảng ủy xã An Bình', numberNotation: '2/UBND' },
    d10: { issuer: 'Ban chỉ huy quân sự', numberNotation: '120/UBND' },
    d15: { issuer: null, numberNotation: '012/QĐ' },
  };
  for (const [d, fields] of Object.entries(headers)) await t.ok('documents:updateHeader', { id: t.ids[d], fields });
});

afterAll(() => t.close());

const list = async (input: object) =>
  (await t.ok<DocumentPage>('documents:list', { limit: 200, ...input })).items.map((d) => [d.issuer, d.numberNotation]);

describe('Library sorting through documents:list', () => {
  it('sorts by issuer in Vietnamese order both ways, documents without an issuer last either way', async () => {
    const issuers = (rows: unknown[][]) => rows.map((r) => r[0]);
    expect(issuers(await list({ sort: 'issuer' }))).toEqual([
      'Ban chỉ huy quân sự',
      'Đảng ủy xã An Bình',
      'Ủy ban nhân dân xã An Bình',
      null,
    ]);
    expect(issuers(await list({ sort: 'issuer', direction: 'desc' }))).toEqual([
      'Ủy ban nhân dân xã An Bình',
      'Đảng ủy xã An Bình',
      'Ban chỉ huy quân sự',
      null,
    ]);
  });

  it('sorts numbers by value, pages a kept order, and re-sorts after an edit', async () => {
    const numbers = (rows: unknown[][]) => rows.map((r) => r[1]);
    expect(numbers(await list({ sort: 'number' }))).toEqual(['2/UBND', '012/QĐ', '12/UBND', '120/UBND']);
    expect(numbers(await list({ sort: 'number', offset: 1, limit: 2 }))).toEqual(['012/QĐ', '12/UBND']);
    await t.ok('documents:updateHeader', { id: t.ids.d10, fields: { numberNotation: '1/UBND' } });
    expect(numbers(await list({ sort: 'number' }))).toEqual(['1/UBND', '2/UBND', '012/QĐ', '12/UBND']);
  });

  it('filters apply to the sorted list and an unknown column is refused', async () => {
    await t.ok('review:decide', { id: t.ids.d03, access: 'public', basis: 'L104.D17.K1.d' });
    expect((await list({ sort: 'issuer', access: 'undecided' })).map((r) => r[0])).toEqual([
      'Ban chỉ huy quân sự',
      'Ủy ban nhân dân xã An Bình',
      null,
    ]);
    expect(await t.host.invoke('documents:list', { sort: 'file_sha256' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

describe('Export screen: what each catalogue will list', () => {
  it('lists the public entries by group and the conditional ones without a document id, and the counts add up', async () => {
    // d03 was approved public above; d10 is secret, d01 stays undecided.
    await t.ok('review:decide', { id: t.ids.d15, access: 'conditional', basis: 'L104.D7.K2' });
    await t.ok('review:decide', { id: t.ids.d10, access: 'secret', basis: 'L104.D6.K1' });
    const plan = await t.ok<ExportPlanResult>('export:plan', {});
    const { public: pub, conditional } = plan.listing;
    expect(pub.total).toBe(1);
    expect(pub.items.map((e) => e.id)).toEqual([t.ids.d03]);
    expect(pub.groups).toEqual([expect.objectContaining({ label: 'Điểm d khoản 1 Điều 17', count: 1 })]);
    expect(conditional.total).toBe(1);
    expect(conditional.items[0]!.condition).toMatch(/đồng ý/);
    expect(Object.keys(conditional.items[0]!)).not.toContain('id');
    const c = plan.counts;
    expect(c.public + c.conditional + c.secret + c.undecided + plan.heldBack.length).toBe(c.documents);
    expect(c).toMatchObject({ documents: 4, public: 1, conditional: 1, secret: 1, undecided: 1 });
  });
});
