import { mkdtempSync, rmSync, createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/startHost';
import { UploadStaging } from '../../../electron/preview/uploadStaging';
import { channelsFor, type JobProgress } from '../../../shared/contract/index';
import { ERROR_MESSAGES } from '../../../shared/domain/errors';
import { fold } from '../../../shared/text/vietnamese';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const D01 = path.join(FIXTURES, 'corpus/d01/born-digital.pdf');
const TIFF = path.join(FIXTURES, 'corpus/d04-scan.tiff');
const ZIP = path.join(FIXTURES, 'bad/really-a-zip.pdf');

let dir: string;
let preview: RunningHost;
let staging: UploadStaging;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-handlers-'));
  staging = new UploadStaging(path.join(dir, 'data/tmp/uploads'), 10 * 1024 * 1024);
  preview = await startHost({
    host: 'preview',
    settingsFile: path.join(dir, 'settings.json'),
    dataDir: path.join(dir, 'data'),
    appVersion: 'test',
    services: { uploads: staging },
  });
});

afterAll(async () => {
  await preview.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const result = await preview.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function upload(file: string, fileName = path.basename(file)) {
  const { uploadId } = await staging.stage(createReadStream(file));
  return { uploadId, fileName };
}

describe('handler table on a real engine', () => {
  it('binds every channel the preview host serves', () => {
    for (const channel of channelsFor('preview'))
      expect(preview.handlers[channel], channel).toBeTypeOf('function');
    expect(preview.handlers['import:files']).toBeUndefined();
  });

  it('imports uploads as one job with progress, and names rejected files in Vietnamese', async () => {
    const progress: JobProgress[] = [];
    const off = preview.onJobProgress((p) => progress.push(p));
    const value = await ok<{
      results: { fileName: string; status: string; error?: { code: string; message: string } }[];
    }>('import:upload', {
      uploads: [await upload(D01), await upload(TIFF), await upload(ZIP, 'a<script>alert(1)<script>.pdf')],
    });
    off();
    expect(value.results.map((r) => r.status)).toEqual(['imported', 'imported', 'rejected']);
    const bad = value.results[2]!;
    expect(bad.fileName).toBe('a<script>alert(1)<script>.pdf');
    expect(bad.error).toEqual({ code: 'TYPE_MISMATCH', message: ERROR_MESSAGES.TYPE_MISMATCH.vi });
    expect(progress.at(-1)).toMatchObject({ kind: 'import', done: 3, total: 3 });
  });

  it('lists with a total and searches without diacritics', async () => {
    const page = await ok<{ items: { id: number }[]; total: number }>('documents:list', { limit: 1 });
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const { hits } = await ok<{
      hits: { id: number; snippetParts: { hit: boolean; text: string }[]; document: { fileName: string } }[];
    }>('documents:search', { query: 'niem yet' });
    expect(hits[0]!.document.fileName).toBe('born-digital.pdf');
    expect(hits[0]!.snippetParts.filter((p) => p.hit).map((p) => fold(p.text))).toContain('niem');
  });

  it('corrects a header field and records the reviewer from the settings', async () => {
    await ok('settings:set', { reviewerName: 'Nguyễn Văn A' });
    const { hits } = await ok<{ hits: { id: number }[] }>('documents:search', { query: 'niem yet' });
    const detail = await ok<{ header: { subject: string }; history: { actor: string; action: string }[] }>(
      'documents:updateHeader',
      {
        id: hits[0]!.id,
        fields: { subject: 'V/v niêm yết công khai' },
      },
    );
    expect(detail.header.subject).toBe('V/v niêm yết công khai');
    expect(detail.history.at(-1)).toMatchObject({ actor: 'Nguyễn Văn A', action: 'header.corrected' });
  });

  it('renders page images: TIFF pages from the original, PDF pages in the worker', async () => {
    const { items } = await ok<{ items: { id: number; fileName: string }[] }>('documents:list', {});
    const tiff = items.find((d) => d.fileName.endsWith('.tiff'))!;
    const pdf = items.find((d) => d.fileName.endsWith('.pdf'))!;
    const second = await ok<{ mime: string; width: number; height: number; base64: string }>(
      'documents:pageImage',
      { id: tiff.id, page: 2, size: 200 },
    );
    expect(second.mime).toBe('image/webp');
    expect(Math.max(second.width, second.height)).toBe(200);
    const pdfPage = await ok<{ width: number; height: number }>('documents:pageImage', {
      id: pdf.id,
      page: 1,
      size: 300,
    });
    expect(Math.max(pdfPage.width, pdfPage.height)).toBeLessThanOrEqual(300);
    expect(await ok('documents:pageImage', { id: pdf.id, page: 99 })).toBeNull();
  });

  it('lists jobs with their failures, and retry re-runs only the failed item', async () => {
    const jobs = await ok<
      { id: number; kind: string; state: string; failures: { label: string; error: { code: string } }[] }[]
    >('jobs:list', {});
    // The import's follow-ups (OCR, header + suggestion) are jobs of their own, listed first.
    const imported = jobs.find((j) => j.kind === 'import')!;
    expect(imported.state).toBe('done');
    expect(imported.failures).toEqual([
      {
        label: 'a<script>alert(1)<script>.pdf',
        error: { code: 'TYPE_MISMATCH', message: ERROR_MESSAGES.TYPE_MISMATCH.vi },
      },
    ]);
    expect(await ok('jobs:cancel', { id: imported.id })).toEqual({ cancelled: false });
  });

  it('turns bad input and unknown ids into typed errors with Vietnamese messages naming the document', async () => {
    expect(await preview.invoke('documents:get', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: ERROR_MESSAGES.INVALID_INPUT.vi },
    });
    expect(await preview.invoke('documents:get', { id: 999 })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: `Tài liệu số 999: ${ERROR_MESSAGES.NOT_FOUND.vi}` },
    });
    expect(await preview.invoke('no:such', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await preview.invoke('import:files', { paths: ['/etc/passwd'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('keeps settings across a restart and refuses invalid ones', async () => {
    const bad = await preview.invoke('settings:set', { ocrWorkers: 99 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const value = await ok<{ settings: { reviewerName: string; language: string } }>('settings:get', {});
    expect(value.settings.reviewerName).toBe('Nguyễn Văn A');
  });

  it('app:info reports the host and the count', async () => {
    expect(await ok('app:info', {})).toMatchObject({ host: 'preview', documentCount: 2, version: 'test' });
  });
});
