// Searchable PDF from a real OCR result: pdftotext finds the Vietnamese text, the page renders
// exactly like the bare scan (the text layer is invisible), metadata is set.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchablePdf, createOcrEngine, type PreparedPageResult } from '../../../electron/engine/ocr/index';
import { fixture } from '../../helpers/ocr/fixtures';

let tmp: string;
let page: PreparedPageResult;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'minhbach-spdf-'));
  const engine = await createOcrEngine({ tessdataDir: path.join(tmp, 'tessdata'), workers: 1 });
  try {
    // The upper third of a real scan keeps this test quick.
    const crop = await sharp(fixture('d07-page-1.png')).extract({ left: 0, top: 0, width: 2479, height: 1300 }).png().toBuffer();
    page = await engine.recognisePage(crop);
  } finally {
    await engine.close();
  }
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function renderGrey(pdfPath: string, prefix: string): Promise<Buffer> {
  execFileSync('pdftoppm', ['-r', '50', '-gray', '-png', '-singlefile', pdfPath, path.join(tmp, prefix)]);
  return (await sharp(await readFile(path.join(tmp, `${prefix}.png`))).raw().toBuffer());
}

describe('buildSearchablePdf', () => {
  it('gives pdftotext the recognised Vietnamese text and renders like the bare scan', async () => {
    expect(page.words.length).toBeGreaterThan(20);
    const bytes = await buildSearchablePdf([{ image: page.preparedImage, dpi: page.dpi, words: page.words }], {
      title: 'Giấy mời số 27/GM-STP',
      subject: 'Dự Hội nghị tập huấn Luật Tiếp cận thông tin',
      keywords: ['giấy mời', 'Sở Tư pháp'],
    });
    const bare = await buildSearchablePdf([{ image: page.preparedImage, dpi: page.dpi, words: [] }]);
    const searchablePath = path.join(tmp, 'searchable.pdf');
    const barePath = path.join(tmp, 'bare.pdf');
    await writeFile(searchablePath, bytes);
    await writeFile(barePath, bare);

    // pdftotext breaks lines after a free-standing '-', so compare with whitespace collapsed.
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', searchablePath, '-'], { encoding: 'utf8' })
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    for (const phrase of ['Số: 27/GM-STP', 'CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'GIẤY MỜI', 'Luật Tiếp cận thông tin']) {
      expect(text).toContain(phrase);
    }

    // Invisible: the page with the text layer rasterises to exactly the same pixels as without it.
    const [withText, without] = await Promise.all([renderGrey(searchablePath, 'with'), renderGrey(barePath, 'without')]);
    expect(withText.length).toBe(without.length);
    expect(withText.equals(without)).toBe(true);

    const info = execFileSync('pdfinfo', [searchablePath], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Giấy mời số 27\/GM-STP/);
    expect(info).toMatch(/Subject:\s+Dự Hội nghị tập huấn/);
    expect(info).toMatch(/Keywords:\s+giấy mời Sở Tư pháp/);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 31[12](\.\d+)? pts/); // 2479 × 1300 px at 300 dpi
    expect(info).toMatch(/Pages:\s+1/);
  });
});
