// The pipeline runs itself, at engine level: a folder of mixed files — born-digital PDFs, two real
// scans (d26's page upside down; d07's invitation, whose born-digital PDF is in the folder too)
// and one hostile file — goes from one import call to the review queue with header fields and
// suggestions, with no other call. Then the two files of d07 are copies of one document: linked,
// the born-digital one preferred, and the export publishes one row. Two OCR pages in all.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../electron/engine/index';
import type { ImportResult } from '../../../shared/contract/schemas';
import { fixture, tempDir } from '../../helpers/fixtures';
import { OCR_FIXTURES } from '../../helpers/ocr/fixtures';

const temp = tempDir('minhbach-folder-');
let engine: Engine;
let results: ImportResult[];
const idOf = (name: string) => results.find((r) => r.fileName === name)!.id!;

beforeAll(async () => {
  const folder = path.join(temp.dir, 'scans');
  mkdirSync(path.join(folder, 'sub'), { recursive: true });
  copyFileSync(fixture('corpus', 'd01', 'born-digital.pdf'), path.join(folder, 'd01.pdf'));
  copyFileSync(fixture('corpus', 'd26', 'born-digital.pdf'), path.join(folder, 'd26.pdf'));
  copyFileSync(path.join(OCR_FIXTURES, 'd26-page-1-rotated180.png'), path.join(folder, 'sub', 'd26-scan.png'));
  copyFileSync(fixture('ui', 'd07-born-digital.pdf'), path.join(folder, 'd07.pdf'));
  copyFileSync(path.join(OCR_FIXTURES, 'd07-page-1.png'), path.join(folder, 'sub', 'd07-scan.png'));
  copyFileSync(fixture('bad', 'really-a-zip.pdf'), path.join(folder, 'really-a-zip.pdf'));
  engine = await createEngine({ dataDir: path.join(temp.dir, 'data'), actor: 'tester' });
  engine.startPipeline();
  results = await engine.importPaths([folder]);
  await engine.idle();
}, 180_000);

afterAll(async () => {
  await engine?.close();
  temp.cleanup();
});

describe('a folder of mixed files', () => {
  it('reaches the review queue with header fields and a suggestion for every readable file, without any other call', () => {
    expect(results.map((r) => [r.fileName, r.status, r.ocrPages ?? null, r.ocrQueued ?? null]).sort()).toEqual([
      ['d01.pdf', 'imported', 0, null],
      ['d07-scan.png', 'imported', 1, true],
      ['d07.pdf', 'imported', 0, null],
      ['d26-scan.png', 'imported', 1, true],
      ['d26.pdf', 'imported', 0, null],
      ['really-a-zip.pdf', 'rejected', null, null],
    ]);
    const queue = engine.reviewQueue();
    expect(queue.total).toBe(5);
    for (const item of queue.items) {
      expect(item.status).toBe('suggested');
      expect(item.suggested).not.toBeNull();
      expect(engine.get(item.id).pipeline).toMatchObject({ understanding: 'done', job: null });
    }
    // Read by OCR: d26 is stamped MẬT, so its suggestion is secret; d07 is an invitation.
    expect(engine.get(idOf('d26-scan.png'))).toMatchObject({ header: { numberNotation: '278/BC-UBND', issuedDate: '2021-10-05', secrecy: 'Mật' }, access: { suggested: { class: 'secret' } } });
    expect(engine.get(idOf('d07-scan.png')).header).toMatchObject({ numberNotation: '27/GM-STP', issuedDate: '2025-03-05', docType: 'Giấy mời' });
    expect(engine.get(idOf('d01.pdf')).header.numberNotation).toBeTruthy();
    expect(engine.get(idOf('d26-scan.png')).pipeline.ocr).toBe('done');
    expect(engine.get(idOf('d01.pdf')).pipeline.ocr).toBe('not-needed');
  });

  it('ran each step once per document, the OCR as the import’s follow-up job, the header reading in one job', () => {
    const once = (action: string) =>
      engine.db.prepare(`SELECT document_id, count(*) AS n FROM audit WHERE action = ? GROUP BY document_id`).all(action) as { n: number }[];
    for (const action of ['document.imported', 'understanding.extracted', 'suggestion.created']) {
      expect(once(action).map((r) => r.n)).toEqual([1, 1, 1, 1, 1]);
    }
    const jobs = engine.listJobs();
    const importJob = jobs.find((j) => j.kind === 'import')!;
    expect(jobs.filter((j) => j.kind === 'ocr')).toEqual([expect.objectContaining({ parentId: importJob.id, state: 'done', done: 2, documentCount: 2 })]);
    expect(jobs.filter((j) => j.kind === 'understand').reduce((n, j) => n + j.done, 0)).toBe(5);
  });
});

describe('the same document as a scan and as its born-digital PDF', () => {
  it('links them as copies, the born-digital one preferred, in the document, the library and the review queue', () => {
    const born = idOf('d07.pdf');
    const scan = idOf('d07-scan.png');
    expect(engine.get(born)).toMatchObject({ preferredCopy: null, copies: [{ id: scan, fileName: 'd07-scan.png', bornDigital: false, preferred: false, status: 'suggested' }] });
    expect(engine.get(scan)).toMatchObject({ preferredCopy: born, copies: [{ id: born, bornDigital: true, preferred: true }] });
    expect(engine.summaries([born, scan]).map((s) => [s.copies, s.preferredCopy])).toEqual([[1, null], [1, born]]);
    expect(engine.reviewQueue().items.find((i) => i.id === scan)).toMatchObject({ copies: 1, preferredCopy: born });
    expect(engine.get(idOf('d01.pdf'))).toMatchObject({ copies: [], preferredCopy: null });
  });

  it('publishes one catalogue row for both; copies with different decisions are both held back', async () => {
    const born = idOf('d07.pdf');
    const scan = idOf('d07-scan.png');
    for (const id of [born, scan]) {
      engine.confirmHeader(id, 'Lê Thị B'); // whatever OCR was unsure of, a person checked
      engine.decide({ documentId: id, access: 'public', basis: 'L104.D17.K1.a', reviewer: 'Lê Thị B' });
    }
    const plan = engine.exportPlan();
    expect(plan.publicEntries.filter((e) => e.numberNotation === '27/GM-STP').map((e) => e.documentId)).toEqual([born]);
    expect(plan.heldBack).toEqual([{ documentId: scan, reason: 'other-copy-published' }]);
    const out = path.join(temp.dir, 'site');
    const summary = await engine.exportCatalogue({ out });
    expect(summary.counts.public).toBe(1);
    const catalog = JSON.parse(readFileSync(path.join(out, 'catalog.json'), 'utf8')) as { public: { id: string; numberNotation: string }[] };
    const bornEntry = plan.publicEntries.find((e) => e.documentId === born)!;
    expect(catalog.public.map((e) => [e.id, e.numberNotation])).toEqual([[`tl-${bornEntry.publicId}`, '27/GM-STP']]);

    // Someone decides the scan is secret after all: neither copy is published until it is settled.
    engine.decide({ documentId: scan, access: 'secret', basis: 'L104.D6.K1', reviewer: 'Lê Thị B', note: 'Bản quét có dấu mật' });
    const disagree = engine.exportPlan();
    expect(disagree.publicEntries.map((e) => e.documentId)).not.toContain(born);
    expect(disagree.heldBack).toEqual([{ documentId: born, reason: 'copies-disagree' }]);
  });
});
