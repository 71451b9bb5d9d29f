import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { separatorSheetPdf } from '../../../electron/engine/scanning/pages/separatorSheet';
import { fixture } from '../fixtures';

/** The separator sheet as the scanner sees it: the app's PDF, printed, scanned at `dpi`. */
export async function scannedSeparatorSheet(dpi = 150): Promise<Buffer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mb-sep-'));
  try {
    writeFileSync(path.join(dir, 'sep.pdf'), await separatorSheetPdf());
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-singlefile', path.join(dir, 'sep.pdf'), path.join(dir, 'sep')]);
    return readFileSync(path.join(dir, 'sep.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A real letter from the corpus (d07, "Giấy mời … Luật Tiếp cận thông tin"), as a 150-dpi scan. */
export function scannedLetter(): Promise<Buffer> {
  return sharp(readFileSync(fixture('ocr/d07-page-1.png'))).resize({ width: 1240 }).png().toBuffer();
}
