// OCR as durable jobs through the engine API: real imports, real tesseract, real SQLite.
// Two real pages (a 200-dpi page lying on its side, an image-only PDF) run once in beforeAll on two
// workers; cancel and failure use tiny blank images, which need no recognition.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine, type OcrProgress, type OcrRunResult } from '../../../electron/engine/index';
import { listAudit, verifyAudit } from '../../../electron/engine/audit/auditLog';
import { tempDir } from '../../helpers/fixtures';
import { OCR_FIXTURES } from '../../helpers/ocr/fixtures';

const temp = tempDir('minhbach-ocrjob-');
let engine: Engine;
let rotatedId: number;
let pdfId: number;
let firstRun: OcrRunResult;
const progress: OcrProgress[] = [];

beforeAll(async () => {
  engine = await createEngine({ dataDir: path.join(temp.dir, 'data'), actor: 'tester', workers: 1 });
  const imported = await engine.importPaths([
    path.join(OCR_FIXTURES, 'd12-page-1-rotated90-200dpi.png'),
    path.join(OCR_FIXTURES, 'd28-scan.pdf'),
  ]);
  rotatedId = imported[0]!.id!;
  pdfId = imported[1]!.id!;
  // The import queued the OCR of both pages (automatic OCR is on by default): ocr() runs that job.
  firstRun = await engine.ocr('all', { workers: 2, onProgress: (p) => progress.push(p) });
}, 180_000);

afterAll(async () => {
  await engine?.close();
  temp.cleanup();
});

describe('engine.ocr', () => {
  it('records text, source, confidence and orientation per page and makes the documents text_ready', () => {
    expect(firstRun.jobIds).toHaveLength(1);
    // Both files import at once, so which gets the lower id varies; the report is in id order.
    expect(firstRun.documents.map((d) => [d.id, d.done, d.failed, d.pending, d.status])).toEqual(
      [
        [rotatedId, 1, 0, 0, 'text_ready'],
        [pdfId, 1, 0, 0, 'text_ready'],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    const rotated = engine.get(rotatedId);
    expect(rotated.status).toBe('text_ready');
    expect(rotated.pages[0]).toMatchObject({ source: 'ocr', ocrState: 'done', orientation: 90, lowConfidence: false });
    expect(rotated.pages[0]!.confidence).toBeGreaterThan(70);
    expect(rotated.pages[0]!.text).toContain('Tuyển dụng viên chức');
    const pdf = engine.get(pdfId);
    expect(pdf.pages[0]).toMatchObject({ source: 'ocr', ocrState: 'done', orientation: 0 });
    expect(pdf.pages[0]!.text).toContain('GIẤY MỜI');
  });

  it('indexes the OCR text so it is found without diacritics', () => {
    expect(engine.search('tuyen dung vien chuc').map((h) => h.id)).toEqual([rotatedId]);
    expect(engine.search('giay moi').map((h) => h.id)).toContain(pdfId);
    expect(engine.search('cong hoa xa hoi chu nghia').map((h) => h.id).sort()).toEqual([rotatedId, pdfId].sort());
  });

  it('stores the prepared page image, keeps the job and its items, emits progress and audits each page', () => {
    const row = engine.db.prepare('SELECT image_sha256, words, ocr_engine FROM pages WHERE document_id = ?').get(rotatedId) as {
      image_sha256: string;
      words: string;
      ocr_engine: string;
    };
    expect(row.image_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(engine.db.prepare('SELECT mime FROM files WHERE sha256 = ?').get(row.image_sha256)).toEqual({ mime: 'image/png' });
    expect((JSON.parse(row.words) as unknown[]).length).toBeGreaterThan(50);
    expect(row.ocr_engine).toMatch(/^tesseract\.js 7\.0\.0 /);

    const job = engine.listJobs().find((j) => j.kind === 'ocr')!;
    expect(job).toMatchObject({ id: firstRun.jobIds[0], state: 'done', done: 2, total: 2, failures: [] });
    expect(engine.jobs.items(job.id).map((i) => [i.item_key, i.state])).toEqual(
      [
        [`${rotatedId}:1`, 'done'],
        [`${pdfId}:1`, 'done'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    expect(progress).toHaveLength(2);
    expect(progress.at(-1)).toMatchObject({ jobId: job.id, pagesDone: 2, pagesTotal: 2 });

    const actions = listAudit(engine.db, rotatedId).map((e) => e.action);
    expect(actions).toEqual(['document.imported', 'ocr.page', 'ocr.completed']);
    expect(verifyAudit(engine.db).ok).toBe(true);
  });

  it('finds nothing to do on a second run, and does not redo finished pages', async () => {
    const before = engine.db.prepare('SELECT document_id, n, updated_at FROM pages ORDER BY document_id').all();
    const again = await engine.ocr('all');
    expect(again.jobIds).toEqual([]);
    expect(engine.db.prepare('SELECT document_id, n, updated_at FROM pages ORDER BY document_id').all()).toEqual(before);
  });

  it('builds a searchable PDF whose text pdftotext reads back', async () => {
    const bytes = await engine.searchablePdf(pdfId);
    const file = path.join(temp.dir, 'd28.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('GIẤY MỜI');
    expect(text).toContain('Sóc Trăng');
  });

  it('rejects unknown document ids', async () => {
    await expect(engine.ocr([999_999])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('cancel and failures', () => {
  async function blankImages(count: number, shade: number): Promise<string[]> {
    const files: string[] = [];
    for (let i = 0; i < count; i++) {
      const file = path.join(temp.dir, `blank-${shade}-${i}.png`);
      await sharp({ create: { width: 1, height: 1, channels: 3, background: { r: shade, g: i, b: 200 } } }).png().toFile(file);
      files.push(file);
    }
    return files;
  }

  it('stops a cancelled job after the pages in flight; a later run takes the rest', async () => {
    // Automatic OCR off (live): the import queues nothing, `ocr` makes the job.
    engine.updatePipelineSettings({ autoOcr: false });
    const imported = await engine.importPaths(await blankImages(6, 10));
    const ids = imported.map((r) => r.id!);
    let cancelled = false;
    const run = await engine.ocr(ids, {
      workers: 1,
      onProgress: (p) => {
        if (!cancelled) cancelled = engine.cancelJob(p.jobId);
      },
    });
    expect(cancelled).toBe(true);
    const jobId = run.jobIds[0]!;
    const items = engine.jobs.items(jobId);
    const done = items.filter((i) => i.state === 'done').length;
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThanOrEqual(2); // the page that reported, and at most the one in flight with it
    expect(items.filter((i) => i.state === 'cancelled').length).toBe(6 - done);
    expect(engine.jobs.get(jobId)!.state).toBe('cancelled');

    const rest = await engine.ocr(ids, { workers: 1 });
    expect(rest.jobIds).toHaveLength(1);
    expect(engine.jobs.items(rest.jobIds[0]!)).toHaveLength(6 - done);
    // Blank pages are read (no text, flagged low confidence): every page done exactly once.
    expect(rest.documents.every((d) => d.done === 1 && d.lowConfidencePages.length === 1)).toBe(true);
    const pageEvents = ids.flatMap((id) => listAudit(engine.db, id).filter((e) => e.action === 'ocr.page'));
    expect(pageEvents).toHaveLength(6);
  });

  it('marks a page failed with its error code and goes on with the others', async () => {
    const imported = await engine.importPaths(await blankImages(2, 99));
    const [broken, fine] = imported.map((r) => r.id!);
    const sha = engine.get(broken!).sha256;
    rmSync(engine.store.pathFor(sha)); // the stored original disappears
    const run = await engine.ocr([broken!, fine!], { workers: 1 });
    const byId = new Map(run.documents.map((d) => [d.id, d]));
    expect(byId.get(broken!)).toMatchObject({ done: 0, failed: 1, status: 'imported' });
    expect(byId.get(broken!)!.errors[0]!.error).toMatch(/^READ_FAILED/);
    expect(byId.get(fine!)).toMatchObject({ done: 1, failed: 0, status: 'text_ready' });
    const job = engine.listJobs().find((j) => j.id === run.jobIds[0])!;
    expect(job.state).toBe('done');
    expect(job.failures).toEqual([{ label: `${path.basename(engine.get(broken!).fileName)} (trang 1)`, error: expect.objectContaining({ code: 'READ_FAILED' }) }]);
    expect(engine.get(broken!).pages[0]!.ocrState).toBe('failed');
  });
});
