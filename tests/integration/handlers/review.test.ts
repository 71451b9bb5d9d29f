import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHost } from '../../../electron/host/startHost';
import { startTestHost, type TestHost } from '../../helpers/previewHost';
import { ERROR_MESSAGES } from '../../../shared/domain/errors';
import { wordOffsets } from '../../../electron/engine/review/queue';

let host: RunningHost;
let ids: Record<string, number>;
let ok: TestHost['ok'];
let testHost: TestHost;

beforeAll(async () => {
  testHost = await startTestHost('minhbach-review-', ['d23', 'd15', 'd01']);
  ({ host, ids, ok } = testHost);
  await ok('settings:set', { reviewerName: 'Lê Thị Thẩm Định' });
});

afterAll(async () => {
  await testHost?.close();
});

describe('review channels', () => {
  it('analyses documents and lists the queue with suggestions, filtered by suggested class', async () => {
    expect(await ok('review:analyse', {})).toEqual({ analysed: 3, failed: [] });
    const queue = await ok<{ items: { id: number; suggested: { class: string | null } | null; status: string }[]; total: number }>('review:queue', {});
    expect(queue.total).toBe(3);
    const byId = new Map(queue.items.map((i) => [i.id, i]));
    expect(byId.get(ids.d23!)!.suggested!.class).toBe('secret');
    expect(byId.get(ids.d15!)!.suggested!.class).toBe('conditional');
    expect(byId.get(ids.d23!)!.status).toBe('suggested');
    const secret = await ok<{ items: { id: number }[] }>('review:queue', { suggested: 'secret' });
    expect(secret.items.map((i) => i.id)).toEqual([ids.d23]);
  });

  it('gives the evidence with offsets into the page text', async () => {
    const { findings } = await ok<{ findings: { kind: string; text: string; page: number; start: number; end: number; boxes: unknown[] }[] }>(
      'review:evidence',
      { id: ids.d23 },
    );
    const stamp = findings.find((f) => f.kind.startsWith('stamp:'))!;
    expect(stamp.text).toBe('MẬT');
    const detail = await ok<{ pages: { n: number; text: string }[] }>('documents:get', { id: ids.d23 });
    expect(detail.pages[stamp.page - 1]!.text.slice(stamp.start, stamp.end)).toBe('MẬT');
    expect(stamp.boxes).toEqual([]); // a text-layer page: highlighted in the text only
  });

  it('records a decision with the reviewer from Settings; changing an approved one needs a reason', async () => {
    const detail = await ok<{ access: { decided: { class: string; reviewer: string; approved: boolean } }; status: string }>('review:decide', {
      id: ids.d23,
      access: 'secret',
      basis: 'L104.D6.K1',
    });
    expect(detail.access.decided).toMatchObject({ class: 'secret', reviewer: 'Lê Thị Thẩm Định', approved: true });
    expect(detail.status).toBe('approved');
    const refused = await host.invoke('review:decide', { id: ids.d23, access: 'conditional', basis: 'L104.D7.K2' });
    expect(refused).toEqual({ ok: false, error: { code: 'REASON_REQUIRED', message: ERROR_MESSAGES.REASON_REQUIRED.vi } });
    const mismatch = await host.invoke('review:decide', { id: ids.d23, access: 'public', basis: 'L104.D6.K1', note: 'x' });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'BASIS_CLASS_MISMATCH' } });
  });

  it('bulk approval: a dry run, then exactly the confirmed documents (refused when the plan changed, by id or by value)', async () => {
    type Item = { id: number; to: string; basis: string; basisVersion: string; suggestionId: string; publishedTitle: string | null };
    const { items } = await ok<{ items: (Item & { title: string; from: string | null })[] }>('review:plan', {});
    expect(items.map((i) => i.id)).not.toContain(ids.d23); // decided already
    expect(items.length).toBeGreaterThan(0);
    const confirmed: Item[] = items.map(({ id, to, basis, basisVersion, suggestionId, publishedTitle }) => ({ id, to, basis, basisVersion, suggestionId, publishedTitle }));
    const extra = await host.invoke('review:approve', { items: [...confirmed, { ...confirmed[0]!, id: ids.d23 }] });
    expect(extra).toMatchObject({ ok: false, error: { code: 'PLAN_CHANGED' } });
    // Same ids, one value differs (another class or suggestion than the reviewer saw): refused.
    const otherClass = await host.invoke('review:approve', { items: confirmed.map((c, i) => (i === 0 ? { ...c, to: c.to === 'public' ? 'secret' : 'public' } : c)) });
    expect(otherClass).toMatchObject({ ok: false, error: { code: 'PLAN_CHANGED' } });
    const otherSuggestion = await host.invoke('review:approve', { items: confirmed.map((c, i) => (i === 0 ? { ...c, suggestionId: 'x'.repeat(24) } : c)) });
    expect(otherSuggestion).toMatchObject({ ok: false, error: { code: 'PLAN_CHANGED' } });
    expect((await ok<{ items: unknown[] }>('review:plan', {})).items).toHaveLength(items.length); // nothing approved
    const approved = await ok<{ items: { id: number }[] }>('review:approve', { items: confirmed });
    expect(approved.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect((await ok<{ items: unknown[] }>('review:plan', {})).items).toEqual([]);
  });

  it('lists the registry with citations and unverified entries; the audit chain verifies', async () => {
    const reg = await ok<{ defaultVersion: string; versions: { id: string; entries: { id: string; citation: string; verified: boolean }[] }[] }>(
      'review:registry',
      {},
    );
    expect(reg.defaultVersion).toBe('2016');
    const d6 = reg.versions[0]!.entries.find((e) => e.id === 'L104.D6.K1')!;
    expect(d6.citation).toContain('Điều 6');
    expect(reg.versions.find((v) => v.id === '2026')!.entries.every((e) => !e.verified)).toBe(true);
    expect(await ok('review:auditVerify', {})).toMatchObject({ ok: true, firstBroken: null });
  });

  it('review desk channels: counts left, next needing a person, similar documents, undo of the last decision (audited, not approved)', async () => {
    const counts = await ok<{ left: { total: number }; decided: { approved: number } }>('review:counts', {});
    expect(counts.left.total).toBe(0);
    expect(counts.decided.approved).toBe(3);
    expect(await ok('review:next', { after: null })).toEqual({ id: null });
    expect(await ok('review:similar', { id: ids.d23 })).toEqual({ items: [] });
    // The reviewer's last single decision was d23 (secret): undo withdraws it.
    const { items } = await ok<{ items: { documentId: number; restored: unknown }[] }>('review:undo', {});
    expect(items).toEqual([expect.objectContaining({ documentId: ids.d23, restored: null })]);
    expect(await ok('review:next', { after: null })).toEqual({ id: ids.d23 });
    const detail = await ok<{ access: { decided: unknown }; status: string }>('documents:get', { id: ids.d23 });
    expect(detail.access.decided).toBeNull();
    expect(detail.status).toBe('suggested');
    expect(await host.invoke('review:undo', {})).toMatchObject({ ok: false, error: { code: 'UNDO_STALE' } });
    expect(await host.invoke('review:decide', { id: ids.d23, access: 'secret', basis: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await ok('review:auditVerify', {})).toMatchObject({ ok: true });
  });

  it('maps OCR words to offsets in the page text in reading order', () => {
    const text = 'ỦY BAN\nSố: 12/UBND\tMẬT';
    const words = ['ỦY', 'BAN', 'Số:', '12/UBND', 'MẬT'].map((t) => ({ text: t, x0: 0, y0: 0, x1: 1, y1: 1 }));
    expect(wordOffsets(text, words).map((o) => o && text.slice(o.start, o.end))).toEqual(['ỦY', 'BAN', 'Số:', '12/UBND', 'MẬT']);
  });
});
