// The whole pipeline on real scans: preparation, orientation, dpi, recognition, reading order.
// All pages are submitted at once in beforeAll so both workers stay busy; each test awaits its own.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bagOfWordsError, characterErrorRate } from '../../../bench/ocrMetrics';
import {
  countImagePages,
  createOcrEngine,
  pageNeedsOcr,
  readPdfPageText,
  type OcrEngine,
  type PreparedPageResult,
} from '../../../electron/engine/ocr/index';
import { fixture, truthPage } from '../../helpers/ocr/fixtures';

let tmp: string;
let engine: OcrEngine;
const results = new Map<string, Promise<PreparedPageResult>>();

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'minhbach-ocr-'));
  engine = await createOcrEngine({ tessdataDir: path.join(tmp, 'tessdata'), workers: 2 });
  const start = (key: string, run: () => Promise<PreparedPageResult>) => {
    const p = run();
    p.catch(() => undefined); // reported by the test that awaits it
    results.set(key, p);
  };
  start('clean', () => engine.recognisePage(fixture('d07-page-1.png')));
  start('rot90', () => engine.recognisePage(fixture('d12-page-1-rotated90-200dpi.png')));
  start('rot180', () => engine.recognisePage(fixture('d26-page-1-rotated180.png')));
  start('pdf', async () => engine.recognisePage((await engine.rasterisePdfPage(fixture('d28-scan.pdf'), 1)).png));
  start('tiff1', () => engine.recognisePage(fixture('d04-scan.tiff'), { pageIndex: 0 }));
  start('tiff2', () => engine.recognisePage(fixture('d04-scan.tiff'), { pageIndex: 1 }));
  start('tiny', () => engine.recognisePage(fixture('1x1.png')));
});

afterAll(async () => {
  await engine?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const get = (key: string) => results.get(key)!;

function expectReadsLike(result: PreparedPageResult, truth: string, maxCer: number): void {
  expect(characterErrorRate(result.text, truth)).toBeLessThan(maxCer);
  expect(bagOfWordsError(result.text, truth)).toBeLessThan(maxCer * 2);
}

describe('OCR engine on real scans', () => {
  it('reads a clean 300-dpi page in Vietnamese, header columns in reading order', async () => {
    const r = await get('clean');
    expect(r.orientation).toBe(0);
    expect(r.dpi).toBe(300);
    expect(Math.abs(r.skew - 0.4)).toBeLessThan(0.3); // corpus: +0.4°
    expect(r.engine).toBe('tesseract.js 7.0.0 vie fast');
    expect(r.lowConfidence).toBe(false);
    expect(r.confidence).toBeGreaterThan(80);
    expect(r.text).toBe(r.text.normalize('NFC'));
    // (The bold capitals of the issuer lose their accents with this model: "SO TU PHAP".)
    for (const phrase of ['Số: 27/GM-STP', 'CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Sóc Trăng, ngày 05 tháng 3 năm 2025', 'GIẤY MỜI', 'Luật Tiếp cận thông tin']) {
      expect(r.text).toContain(phrase);
    }
    // Left header column (issuer, Số) before the right one (motto, date), then the title.
    const at = (s: string) => r.text.indexOf(s);
    expect(at('Số: 27/GM-STP')).toBeLessThan(at('CHỦ NGHĨA VIỆT NAM'));
    expect(at('CHỦ NGHĨA VIỆT NAM')).toBeLessThan(at('Sóc Trăng, ngày 05'));
    expect(at('Sóc Trăng, ngày 05')).toBeLessThan(at('GIẤY MỜI'));
    expectReadsLike(r, truthPage('d07'), 0.08);
  });

  it('returns word boxes inside the prepared image, which is a greyscale PNG of the stated size', async () => {
    const r = await get('clean');
    const meta = await sharp(r.preparedImage).metadata();
    expect(meta.format).toBe('png');
    expect(meta.channels).toBe(1);
    expect([meta.width, meta.height]).toEqual([r.width, r.height]);
    expect(r.words.length).toBeGreaterThan(100);
    for (const w of r.words) {
      expect(w.x0).toBeGreaterThanOrEqual(0);
      expect(w.y0).toBeGreaterThanOrEqual(0);
      expect(w.x1).toBeLessThanOrEqual(r.width);
      expect(w.y1).toBeLessThanOrEqual(r.height);
      expect(w.x1).toBeGreaterThan(w.x0);
      expect(w.confidence).toBeGreaterThanOrEqual(0);
    }
    expect(r.words.map((w) => w.text).join(' ').replace(/\s+/g, ' ')).toBe(r.text.replace(/\s+/g, ' '));
  });

  it('turns a 200-dpi page lying on its side upright and upscales it to 300 dpi', async () => {
    const r = await get('rot90');
    expect(r.orientation).toBe(90);
    expect(r.dpi).toBe(300);
    expect(r.height).toBeGreaterThan(r.width); // portrait after turning
    expect(Math.abs(r.width - 2480)).toBeLessThan(10);
    expect(r.text).toContain('SỞ NỘI VỤ');
    expect(r.text).toContain('Tuyển dụng viên chức');
    expectReadsLike(r, truthPage('d12'), 0.05);
  });

  it('turns an upside-down page', async () => {
    const r = await get('rot180');
    expect(r.orientation).toBe(180);
    expect(r.text).toContain('HUYỆN MỸ TÚ');
    expect(r.text).toContain('Độc lập - Tự do - Hạnh phúc');
    expectReadsLike(r, truthPage('d26'), 0.05);
  });

  it('OCRs an image-only PDF page after deciding its text layer is unusable', async () => {
    const pdf = fixture('d28-scan.pdf');
    expect(await readPdfPageText(pdf, 1)).toBe('');
    expect(pageNeedsOcr(await readPdfPageText(pdf, 1))).toBe(true);
    const r = await get('pdf');
    expect(r.text).toContain('ỦY BAN NHÂN DÂN');
    expect(r.text).toContain('GIẤY MỜI');
    expectReadsLike(r, truthPage('d28'), 0.1);
  });

  it('reads both pages of a multi-page TIFF', async () => {
    expect(await countImagePages(fixture('d04-scan.tiff'))).toBe(2);
    const [p1, p2] = await Promise.all([get('tiff1'), get('tiff2')]);
    expect(p1.text).toContain('SỞ TÀI CHÍNH');
    expectReadsLike(p1, truthPage('d04', 1), 0.08);
    expectReadsLike(p2, truthPage('d04', 2), 0.08);
  });

  it('gives a 1×1 image empty text instead of failing', async () => {
    const r = await get('tiny');
    expect(r.text).toBe('');
    expect(r.words).toEqual([]);
    expect(r.lowConfidence).toBe(true);
    expect(r.orientation).toBe(0);
    expect(r.skew).toBe(0);
  });

  it('rejects a page index the TIFF does not have, and a corrupt image, with AppErrors', async () => {
    await expect(engine.recognisePage(fixture('d04-scan.tiff'), { pageIndex: 5 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(engine.recognisePage(fixture('d07-page-1.png').subarray(0, 5000))).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
  });
});
