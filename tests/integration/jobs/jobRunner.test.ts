// The one job runner, through the engine on real archives: leases (one owner per running job,
// takeover only from a holder that is gone), payload validation, cancel of a long import while it
// is read (progress by page), job views and retry. No OCR of real pages: blank 1×1 images.
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/index';
import type { JobProgress } from '../../../shared/contract/jobs';
import { tempDir } from '../../helpers/fixtures';

const temp = tempDir('minhbach-jobs-');
const open: Engine[] = [];
afterEach(async () => {
  for (const e of open.splice(0)) await e.close();
});
afterAll(() => temp.cleanup());

async function engineAt(name: string, actor = 'tester'): Promise<Engine> {
  const engine = await createEngine({ dataDir: path.join(temp.dir, name), actor, workers: 1 });
  open.push(engine);
  return engine;
}

async function blanks(dir: string, count: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const file = path.join(temp.dir, `${dir}-${i}.png`);
    await sharp({ create: { width: 1, height: 1, channels: 3, background: { r: 200, g: i, b: 50 } } }).png().toFile(file);
    files.push(file);
  }
  return files;
}

describe('leases', () => {
  it('lets one process run a job: another neither claims its items nor takes it over until the holder is gone', async () => {
    const a = await engineAt('lease');
    a.updatePipelineSettings({ autoOcr: false });
    const b = await engineAt('lease', 'other');
    const files = await blanks('lease', 3);
    const jobId = a.jobs.create('import', { actor: 'tester' }, files.map((f) => JSON.stringify({ path: f })));
    const ownerA = a.pipeline.runner.owner;
    expect(a.jobs.lease(jobId, ownerA, null)).toBe(true);

    // B: the job is A's — nothing to run, no item to claim.
    expect(await b.resume()).toEqual([]);
    expect(b.jobs.claim(jobId, b.pipeline.runner.owner, 10)).toEqual([]);
    expect(b.jobs.counts(jobId)).toMatchObject({ queued: 3, done: 0 });

    // A live holder on another machine with a fresh heartbeat keeps it; one silent for longer than
    // the lease is gone, and so is a dead process of this machine (taken over at once).
    const hold = (owner: string, heartbeat: number) => a.db.prepare('UPDATE jobs SET owner = ?, heartbeat_at = ? WHERE id = ?').run(owner, heartbeat, jobId);
    hold('elsewhere/123/abcd', Date.now());
    expect(await b.resume()).toEqual([]);
    hold(`${os.hostname()}/2147483646/dead`, Date.now());
    expect(await b.resume()).toEqual([jobId]);
    expect(b.jobs.get(jobId)).toMatchObject({ state: 'done', owner: null });
    expect(b.jobs.counts(jobId)).toMatchObject({ done: 3, queued: 0, running: 0 });
    // Each file imported once, by B.
    expect(b.db.prepare(`SELECT actor, count(*) AS n FROM audit WHERE action = 'document.imported' GROUP BY actor`).all()).toEqual([{ actor: 'tester', n: 3 }]);
  });

  it('takes over from a holder whose heartbeat stopped, and a clean close hands unfinished work on at once', async () => {
    const a = await engineAt('stale');
    const jobId = a.jobs.create('import', { actor: 'tester' }, [JSON.stringify({ path: path.join(temp.dir, 'missing.png') })]);
    a.db.prepare('UPDATE jobs SET owner = ?, heartbeat_at = ? WHERE id = ?').run('elsewhere/1/x', Date.now() - 60_000, jobId);
    expect(await a.resume()).toEqual([jobId]);
    expect(a.listJobs().find((j) => j.id === jobId)).toMatchObject({ state: 'done', counts: { failed: 1 }, failures: [{ label: 'missing.png', error: { code: 'READ_FAILED' } }] });
  });
});

describe('a lost lease', () => {
  it('keeps a holder that was silent too long from recording what the new holder now owns', async () => {
    const engine = await engineAt('lost');
    engine.updatePipelineSettings({ autoOcr: false });
    const tiff = path.join(temp.dir, 'lost.tiff');
    await sharp({ create: { width: 32, height: 32 * 100, channels: 3, background: '#fff', pageHeight: 32 } }).tiff().toFile(tiff);
    let taken = false;
    engine.on('job:progress', (p) => {
      if (p.item && !taken) {
        taken = true; // another process took the job over while this one was reading the file
        engine.db.prepare('UPDATE jobs SET owner = ?, heartbeat_at = ? WHERE id = ?').run('elsewhere/1/new', Date.now(), p.jobId);
      }
    });
    const results = await engine.importPaths([tiff]);
    expect(taken).toBe(true);
    expect(results).toEqual([]); // nothing recorded by the old holder
    expect(engine.count()).toBe(0);
    expect(engine.jobs.list(1)[0]).toMatchObject({ owner: 'elsewhere/1/new', state: 'running' });
  });
});

describe('payloads', () => {
  it('fails a job whose payload does not match its kind, with its items, instead of running it', async () => {
    const engine = await engineAt('payload');
    const jobId = engine.jobs.create('ocr', { actor: 'tester', force: 'yes' }, ['1:1', '1:2']);
    await engine.resume();
    expect(engine.jobs.get(jobId)).toMatchObject({ state: 'failed', error: 'invalid job payload' });
    expect(engine.jobs.counts(jobId)).toMatchObject({ failed: 2, queued: 0 });
  });
});

describe('cancel of a long import', () => {
  it('reports a 1000-page TIFF page by page while it is read, and a cancel ends the reading: the file counts as cancelled', async () => {
    const engine = await engineAt('tiff');
    engine.updatePipelineSettings({ autoOcr: false }); // no OCR of the thousand blank pages afterwards
    const tiff = path.join(temp.dir, 'long.tiff');
    await sharp({ create: { width: 32, height: 32 * 1000, channels: 3, background: '#fff', pageHeight: 32 } }).tiff().toFile(tiff);
    const events: JobProgress[] = [];
    let cancelledAt: number | null = null;
    engine.on('job:progress', (p) => {
      events.push(p);
      if (p.item && p.item.done >= 20 && cancelledAt === null) {
        cancelledAt = p.item.done;
        expect(engine.listJobs()[0]!.current).toEqual([{ label: 'long.tiff', done: p.item.done, total: 1000 }]);
        engine.cancelJob(p.jobId);
      }
    });
    const results = await engine.importPaths([tiff]);
    expect(cancelledAt).not.toBeNull();
    expect(events.filter((e) => e.item).every((e) => e.item!.label === 'long.tiff' && e.item!.total === 1000)).toBe(true);
    expect(results).toEqual([expect.objectContaining({ fileName: 'long.tiff', status: 'rejected', error: expect.objectContaining({ code: 'CANCELLED' }) })]);
    expect(engine.count()).toBe(0);
    const [job] = engine.listJobs();
    expect(job).toMatchObject({ kind: 'import', state: 'cancelled', done: 0, total: 1, counts: { cancelled: 1, done: 0, failed: 0, queued: 0, running: 0 }, current: [] });
    expect(job!.retryable).toBe(true);
  });
});

describe('job views', () => {
  it('name the documents, tell queued from running, keep true counts after a cancel, and retry what was cancelled', async () => {
    const engine = await engineAt('views');
    const files = await blanks('views', 3);
    const [imported] = [await engine.importPaths(files)];
    const importJob = engine.listJobs().find((j) => j.kind === 'import')!;
    expect(importJob).toMatchObject({ state: 'done', unit: 'file', done: 3, total: 3, documentCount: 3 });
    expect(importJob.files).toEqual(['views-0.png', 'views-1.png', 'views-2.png']);
    expect(imported.every((r) => r.ocrPages === 1 && r.textPages === 0 && r.ocrQueued === true)).toBe(true);

    // The import queued the OCR of its three pages: a job waiting its turn, not running.
    const ocr = engine.listJobs().find((j) => j.kind === 'ocr')!;
    expect(ocr).toMatchObject({ state: 'queued', unit: 'page', parentId: importJob.id, documentCount: 3, startedAt: null, counts: { queued: 3, running: 0 } });
    expect(ocr.documents.map((d) => d.fileName).sort()).toEqual(['views-0.png', 'views-1.png', 'views-2.png']);
    expect(engine.list().map((d) => [d.ocr.pending, d.ocrQueued])).toEqual([[1, 1], [1, 1], [1, 1]]);
    expect(engine.get(imported[0]!.id!).pipeline).toEqual({ ocr: 'queued', understanding: 'waiting', job: { id: ocr.id, kind: 'ocr', state: 'queued' } });

    expect(engine.cancelJob(ocr.id)).toBe(true);
    const cancelled = engine.listJobs().find((j) => j.id === ocr.id)!;
    expect(cancelled).toMatchObject({ state: 'cancelled', done: 0, total: 3, counts: { cancelled: 3, done: 0 }, retryable: true });
    // Nothing queued any more: "cần OCR", not "đang chờ".
    expect(engine.get(imported[0]!.id!).pipeline.ocr).toBe('waiting');

    expect(engine.retryJob(ocr.id)).toBe(3);
    await engine.resume();
    const retried = engine.listJobs().find((j) => j.id === ocr.id)!;
    expect(retried).toMatchObject({ state: 'done', done: 3, total: 3, counts: { done: 3, cancelled: 0 }, retryable: false });
    expect(engine.listJobs().find((j) => j.kind === 'understand')).toMatchObject({ state: 'done', unit: 'document', documentCount: 3 });
  }, 120_000);
});
