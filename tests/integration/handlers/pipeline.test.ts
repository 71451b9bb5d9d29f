// The preview host runs the pipeline by itself (startHost), and the channels of issue 11 on it:
// an upload reaches the review queue with no other call; the settings the engine honours are the
// archive's; jobs carry their documents and true counts; "cần kiểm tra" is confirmed over the
// contract; the bulk-approval plan check is the engine's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../helpers/previewHost';
import type { JobInfo } from '../../../shared/contract/jobs';
import type { DocumentDetail } from '../../../shared/contract/schemas';

let t: TestHost;

beforeAll(async () => {
  t = await startTestHost('minhbach-pipeline-host-', ['d01', 'd03']);
});

afterAll(async () => {
  await t?.close();
});

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the preview host', () => {
  it('takes an upload to the review queue with its header and suggestion, with no other call', async () => {
    const queue = await until(
      () => t.ok<{ items: { id: number; status: string; suggested: unknown }[] }>('review:queue', {}),
      (q) => q.items.length === 2 && q.items.every((i) => i.status === 'suggested'),
    );
    expect(queue.items.map((i) => i.status)).toEqual(['suggested', 'suggested']);
    const doc = await t.ok<DocumentDetail>('documents:get', { id: t.ids.d01 });
    expect(doc.header.numberNotation).toBeTruthy();
    expect(doc.pipeline).toEqual({ ocr: 'not-needed', understanding: 'done', job: null });
    // The understanding job closes once nothing more can reach it (it lingers while OCR runs).
    const jobs = await until(
      () => t.ok<JobInfo[]>('jobs:list', {}),
      (list) => list.every((j) => j.state === 'done'),
    );
    expect(jobs.find((j) => j.kind === 'import')).toMatchObject({ state: 'done', unit: 'file', documentCount: 2, counts: { done: 2 } });
    expect(jobs.find((j) => j.kind === 'understand')).toMatchObject({ state: 'done', unit: 'document', documentCount: 2 });
  });

  it('keeps the OCR settings in the archive, where the engine reads them live', async () => {
    const before = await t.ok<{ settings: { autoOcr: boolean } }>('settings:get', {});
    expect(before.settings.autoOcr).toBe(true);
    await t.ok('settings:set', { autoOcr: false, ocrWorkers: 1, ocrLanguages: ['vie', 'eng'] });
    expect(t.host.engine.pipelineSettings()).toEqual({ autoOcr: false, ocrWorkers: 1, ocrLanguages: ['vie', 'eng'] });
    expect((await t.ok<{ settings: { ocrLanguages: string[] } }>('settings:get', {})).settings.ocrLanguages).toEqual(['vie', 'eng']);
  });

  it('confirms header fields over the contract, and analyses only what has no stored result', async () => {
    const confirmed = await t.ok<DocumentDetail>('documents:confirmHeader', { id: t.ids.d03, keys: ['numberNotation'] });
    expect(confirmed.headerFields.find((f) => f.key === 'numberNotation')!.confirmedBy).toBeTruthy();
    expect(await t.host.invoke('documents:confirmHeader', { id: t.ids.d03, keys: ['nonsense'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const extractions = () => t.host.engine.auditLog(t.ids.d01).filter((e) => e.action === 'understanding.extracted').length;
    expect(extractions()).toBe(1);
    expect(await t.ok('review:analyse', { ids: [t.ids.d01] })).toEqual({ analysed: 1, failed: [] });
    expect(extractions()).toBe(1); // stored: not read again
  });

  it('refuses a bulk approval whose plan changed since the dry run (the engine checks it)', async () => {
    const planned = await t.ok<{ items: { id: number; to: string; basis: string; basisVersion: string }[] }>('review:plan', {});
    const first = planned.items[0]!;
    const result = await t.host.invoke('review:approve', { items: [...planned.items, { ...first, id: 999 }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'PLAN_CHANGED' } });
  });
});
