// Proof that OCR never reaches for the network. tesseract.js runs in its own worker threads, so the
// guard is preloaded with `node --require` (Node hands execArgv to every worker thread; `--import`
// would not reach them). It replaces fetch, net connect, dns and http(s) requests in each thread by
// functions that record the attempt and throw. The child OCRs a page and a PDF page; we then check
// that the guard ran in the worker threads too and that nothing was attempted after OCR started.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixture, OCR_FIXTURES } from '../../helpers/ocr/fixtures';

const run = promisify(execFile);
const GUARD = fileURLToPath(new URL('../../helpers/ocr/networkGuard.cjs', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../helpers/ocr/ocrOnePage.ts', import.meta.url));

describe('OCR offline', () => {
  it('recognises an image page and a PDF page without any network attempt, in any thread', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'minhbach-nonet-test-'));
    try {
      // Header band of a real scan keeps the child quick.
      const crop = path.join(tmp, 'header.png');
      await writeFile(crop, await sharp(fixture('d07-page-1.png')).extract({ left: 0, top: 0, width: 2479, height: 700 }).png().toBuffer());
      const { stdout, stderr } = await run(
        process.execPath,
        ['--require', GUARD, '--import', 'tsx', SCRIPT, crop, path.join(OCR_FIXTURES, 'd28-scan.pdf')],
        { maxBuffer: 8 * 1024 * 1024, timeout: 120_000 },
      );
      const result = JSON.parse(stdout) as { guarded: boolean; imageText: string; pdfText: string };
      expect(result.guarded).toBe(true);
      expect(result.imageText).toContain('Số: 27/GM-STP');
      expect(result.pdfText).toContain('GIẤY MỜI');

      const installedIn = [...stderr.matchAll(/@@GUARD_INSTALLED@@ thread=(\d+) main=(true|false)/g)];
      expect(installedIn.some((m) => m[2] === 'true')).toBe(true);
      // tesseract.js: one recognition worker + one OSD worker, each its own thread.
      expect(installedIn.filter((m) => m[2] === 'false').length).toBeGreaterThanOrEqual(2);

      const afterStart = stderr.slice(stderr.indexOf('@@OCR_START@@'));
      expect(stderr).toContain('@@OCR_START@@');
      expect(afterStart).not.toContain('@@NETWORK_ATTEMPT@@');
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 150_000);
});
