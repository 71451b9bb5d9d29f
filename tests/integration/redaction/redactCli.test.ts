/**
 * The CLI path of partial disclosure on a SCANNED support-payment decision with 14 named
 * beneficiaries: import → OCR → `redact ID --auto` → `review ID --partial` → `export` → `pdf ID
 * --redacted`. No beneficiary's name, CCCD number or address — in any form, or a piece of one — is
 * in the redacted PDF, the exported PDF or any file of the site; the public catalogue says the
 * document was partly withheld and on which basis. Then a box drawn over one table cell of the OCR
 * page: that cell is gone, the cells around it still read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/index';
import type { OcrWord } from '../../../electron/engine/ocr/types';
import { beneficiaries, scannedPdf, supportDecisionPdf } from '../../../bench/lib/supportDecision';
import { jsonLines, runCliAsync } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';
import { fragments, readPdf, survivors } from '../../helpers/redactionProof';
import { findLeaks, scanBytes } from '../catalogue/outputScanner';
import { walk } from '../catalogue/reviewedCorpus';

const PEOPLE = beneficiaries(14);
const TRUTH = PEOPLE.flatMap((p) => [p.name, p.cccd, p.address]);

describe('CLI: a scanned support-payment decision from import to a published redacted PDF', () => {
  const tmp = tempDir('minhbach-redact-cli-');
  const data = path.join(tmp.dir, 'data');
  const site = path.join(tmp.dir, 'site');
  const redactedFile = path.join(tmp.dir, 'ban-che.pdf');
  const cli = (...args: string[]) =>
    runCliAsync([...args, '--data-dir', data], { MINHBACH_TODAY: '2026-06-01' }, 400_000);
  let id = 0;
  let bornDigitalText = '';

  beforeAll(async () => {
    const born = await supportDecisionPdf(PEOPLE);
    writeFileSync(path.join(tmp.dir, 'quyet-dinh-ho-tro.pdf'), await scannedPdf(born, { dpi: 250 }));
    const { readPdfPageText } = await import('../../../electron/engine/pdf/pdfDocument');
    bornDigitalText = [await readPdfPageText(born, 1), await readPdfPageText(born, 2)].join('\n');
  }, 60_000);

  afterAll(() => tmp.cleanup());

  it('import, OCR, redact --auto, review --partial, export and pdf --redacted all succeed', async () => {
    const imported = await cli('import', path.join(tmp.dir, 'quyet-dinh-ho-tro.pdf'), '--json');
    expect(imported.code, imported.stderr).toBe(0);
    id = jsonLines(imported.stdout)[0]!.id as number;
    expect((await cli('ocr', String(id), '--workers', '2')).code).toBe(0);
    const redact = await cli('redact', String(id), '--auto', '--reviewer', 'Lê Thị B', '--json');
    expect(redact.code, redact.stderr).toBe(0);
    const view = JSON.parse(redact.stdout) as {
      summary: { accepted: number; proposed: number };
      regions: { text: string | null; label: string }[];
      redacted: { pages: number } | null;
    };
    expect(view.summary.proposed).toBe(0);
    expect(view.summary.accepted).toBeGreaterThanOrEqual(42);
    expect(view.redacted?.pages).toBe(2);
    expect(new Set(view.regions.map((r) => r.label))).toEqual(new Set(['Đ7.K2']));
    const review = await cli(
      'review',
      String(id),
      '--access',
      'public',
      '--partial',
      '--basis',
      'L104.D17.K1.e',
      '--reviewer',
      'Lê Thị B',
      '--json',
    );
    expect(review.code, review.stderr).toBe(0);
    expect(JSON.parse(review.stdout)).toMatchObject({ class: 'public', partial: true, approved: true });
    expect((await cli('export', '--out', site, '--as-of', '2026-06-01')).code).toBe(0);
    const pdf = await cli('pdf', String(id), '--redacted', '--out', redactedFile, '--json');
    expect(JSON.parse(pdf.stdout)).toMatchObject({ redacted: true });
  }, 600_000);

  it('no name, CCCD or address of a beneficiary survives in the redacted or the published PDF (any form, any piece)', () => {
    const published = walk(site).find((f) => f.startsWith('tai-lieu/') && f.endsWith('.pdf'))!;
    let remainder = bornDigitalText;
    for (const s of TRUTH) remainder = remainder.split(s).join(' ');
    const pieces = fragments(TRUTH, remainder);
    for (const file of [redactedFile, path.join(site, published)]) {
      const readings = readPdf(readFileSync(file));
      expect(survivors(readings, TRUTH, pieces), file).toEqual([]);
      // What is not personal data still reads (the OCR text layer of the painted pages).
      expect(survivors(readings, ['DANH SÁCH CÁC HỘ GIA ĐÌNH', 'Trần Văn Ký']).length).toBeGreaterThan(0);
    }
  });

  it('the site holds none of them either, and the catalogue row says the document was partly withheld and why', () => {
    const texts = walk(site).flatMap((f) => scanBytes(readFileSync(path.join(site, f)), f));
    expect(
      findLeaks(texts, [...TRUTH, ...PEOPLE.map((p) => p.cccd.replace(/(\d{4})(?=\d)/g, '$1 '))]),
    ).toEqual([]);
    const catalog = JSON.parse(readFileSync(path.join(site, 'catalog.json'), 'utf8')) as {
      public: { withheld: { note: string; grounds: { label: string; citation: string }[] } | null }[];
    };
    expect(catalog.public[0]!.withheld!.grounds).toEqual([
      { label: 'Đ7.K2', citation: 'khoản 2 Điều 7 Luật Tiếp cận thông tin 104/2016/QH13' },
    ]);
    expect(readFileSync(path.join(site, 'danh-muc-cong-khai.html'), 'utf8')).toContain(
      'Công khai một phần: đã che thông tin theo khoản 2 Điều 7',
    );
    expect(readFileSync(path.join(site, 'catalog.csv'), 'utf8')).toContain('Công khai một phần');
  });

  it('a box over one table cell of the OCR page removes that cell; the cells above, below and along its row still read', async () => {
    const target = PEOPLE[2]!;
    // The year-of-birth cell of the 3rd beneficiary (years are unique in this list).
    expect(PEOPLE.filter((p) => p.born === target.born)).toHaveLength(1);
    const engine = await createEngine({ dataDir: data, workers: 1, ocrWorkers: 2, actor: 'test' });
    try {
      const row = engine.db
        .prepare('SELECT words, width, height FROM pages WHERE document_id = ? AND n = 2')
        .get(id) as { words: string; width: number; height: number };
      const cell = (JSON.parse(row.words) as OcrWord[]).find((w) => w.text.includes(target.born))!;
      expect(cell).toBeDefined();
      const h = cell.y1 - cell.y0;
      await engine.redaction.draw(
        id,
        2,
        {
          x: (cell.x0 - h / 2) / row.width,
          y: (cell.y0 - h / 2) / row.height,
          w: (cell.x1 - cell.x0 + h) / row.width,
          h: (2 * h) / row.height,
        },
        'Lê Thị B',
      );
      const text = (await engine.redaction.build(id)).pageTexts[1]!;
      expect(text).not.toContain(target.born);
      for (const neighbour of [PEOPLE[1]!.born, PEOPLE[3]!.born, target.amount])
        expect(text).toContain(neighbour);
    } finally {
      await engine.close();
    }
  }, 240_000);
});
