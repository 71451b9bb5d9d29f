import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import encodeQR from '@paulmillr/qr';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_BLANK_THRESHOLD, isBlank, measureInk } from '../../../electron/engine/scanning/pages/blankPage';
import { hasSeparatorCode, separatorSheetPdf, SEPARATOR_PAYLOAD } from '../../../electron/engine/scanning/pages/separatorSheet';
import { BLANK_KINDS, CONTENT_KINDS, syntheticPage } from '../../helpers/scanning/syntheticPages';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'mb-pages-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('blank-page detection on generated scans', () => {
  const judge = async (kinds: readonly string[], dpi: number, seed: number, blank: boolean) => {
    for (const kind of kinds) {
      const m = await measureInk(await syntheticPage(kind as never, seed, dpi));
      expect(isBlank(m), `${kind} at ${dpi} dpi, seed ${seed}: ink ${m.ink}, marks ${m.marks}`).toBe(blank);
      // Content is not content by a hair: the smallest (a lone page number) is ~2× the threshold.
      if (!blank) expect(m.ink).toBeGreaterThan(DEFAULT_BLANK_THRESHOLD * 1.5);
    }
  };

  it('150 dpi: every blank kind (show-through, specks and edge shadow, recycled paper) is blank; every content kind, down to a lone page number, is not', async () => {
    await judge(BLANK_KINDS, 150, 11, true);
    await judge(CONTENT_KINDS, 150, 11, false);
  });

  it('300 dpi (the default scan resolution): heavy show-through with specks and edge shadow is blank', async () => {
    await judge(['blank-heavy-show-through'], 300, 12, true);
  });

  it('a JPEG-compressed blank page with heavy show-through stays blank', async () => {
    const jpeg = await sharp(await syntheticPage('blank-heavy-show-through', 5)).jpeg({ quality: 60 }).toBuffer();
    expect(isBlank(await measureInk(jpeg))).toBe(true);
  });
});

describe('separator sheet', () => {
  it('the printed sheet (rendered at 150 dpi, upside down and blurred too) is found; its bytes are the same every time', async () => {
    const pdf = await separatorSheetPdf();
    expect(Buffer.from(await separatorSheetPdf()).equals(Buffer.from(pdf))).toBe(true);
    const file = path.join(tmp, 'sep.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', file, path.join(tmp, 'sep')]);
    const page = readFileSync(path.join(tmp, 'sep.png'));
    expect(await hasSeparatorCode(page)).toBe(true);
    expect(await hasSeparatorCode(await sharp(page).rotate(180).blur(1.2).toBuffer())).toBe(true);
    expect(execFileSync('pdftotext', [file, '-']).toString()).toContain('TRANG PHÂN CÁCH TÀI LIỆU');
  });

  it('a document with another QR code (e-document verification) is not a separator; nor is a text page', async () => {
    const other = encodeQR('https://dichvucong.gov.vn/verify?id=123456', 'svg', { ecc: 'medium', scale: 8 });
    const text = await syntheticPage('text-page', 3);
    const withQr = await sharp(text).composite([{ input: Buffer.from(other), left: 900, top: 1300 }]).png().toBuffer();
    expect(await hasSeparatorCode(withQr)).toBe(false);
    expect(await hasSeparatorCode(text)).toBe(false);
    expect(SEPARATOR_PAYLOAD).toMatch(/^MINHBACH-/);
  });
});
