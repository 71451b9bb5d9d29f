// The pool's promises, with real tesseract.js workers on a real (cropped) scan: one page per
// worker, a stuck page times out and its worker is replaced, a dying worker fails only its page.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Worker as NodeWorker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTesseractWorker,
  OcrPool,
  type TesseractWorker,
  type TesseractWorkerFactory,
} from '../../../electron/engine/ocr/ocrPool';
import { preparePage } from '../../../electron/engine/ocr/pagePreparation';
import { buildReadingOrder } from '../../../electron/engine/ocr/readingOrder';
import { installTessdata } from '../../../electron/engine/ocr/tesseractSetup';
import sharp from 'sharp';
import { fixture } from '../../helpers/ocr/fixtures';

let tmp: string;
let langPath: string;
let header: Buffer; // the header band of a real scan: ~0.5 s to recognise

/** The real factory, remembering what it made so a test can reach a worker's thread. */
function recordingFactory(): { factory: TesseractWorkerFactory; made: TesseractWorker[] } {
  const made: TesseractWorker[] = [];
  return {
    made,
    factory: async (kind, lp) => {
      const w = await createTesseractWorker(kind, lp);
      if (kind === 'recognise') made.push(w);
      return w;
    },
  };
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'minhbach-ocrpool-'));
  langPath = await installTessdata(path.join(tmp, 'tessdata'));
  const crop = await sharp(fixture('d07-page-1.png')).extract({ left: 0, top: 0, width: 2479, height: 700 }).png().toBuffer();
  header = (await preparePage(crop)).pgm;
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('OcrPool', () => {
  it('runs one page per worker at a time and reads every page', async () => {
    const { factory, made } = recordingFactory();
    const pool = new OcrPool({ size: 2, langPath, pageTimeoutMs: 60_000, createWorker: factory });
    try {
      const pages = await Promise.all([1, 2, 3, 4].map(() => pool.recognise(header)));
      for (const blocks of pages) expect(buildReadingOrder(blocks).text).toContain('Số: 27/GM-STP');
      expect(made).toHaveLength(2); // four pages, two workers, none replaced
    } finally {
      await pool.close();
    }
  });

  it('fails a page that exceeds its timeout with OCR_TIMEOUT and carries on with a fresh worker', async () => {
    const { factory, made } = recordingFactory();
    const pool = new OcrPool({ size: 1, langPath, pageTimeoutMs: 60_000, createWorker: factory });
    try {
      await expect(pool.recognise(header, { timeoutMs: 1 })).rejects.toMatchObject({ code: 'OCR_TIMEOUT' });
      const blocks = await pool.recognise(header);
      expect(buildReadingOrder(blocks).text).toContain('Số: 27/GM-STP');
      expect(made.length).toBe(2); // the stuck worker was replaced
    } finally {
      await pool.close();
    }
  });

  it('fails only the page whose worker thread dies; the next page gets a new worker', async () => {
    const { factory, made } = recordingFactory();
    const pool = new OcrPool({ size: 1, langPath, pageTimeoutMs: 60_000, createWorker: factory });
    try {
      await pool.recognise(header); // worker up and warm
      const doomed = pool.recognise(header);
      const thread = (made[0] as unknown as { worker: NodeWorker }).worker;
      await thread.terminate(); // what a wasm abort or OOM kill looks like from outside
      await expect(doomed).rejects.toMatchObject({ code: 'OCR_FAILED' });
      const blocks = await pool.recognise(header);
      expect(buildReadingOrder(blocks).text).toContain('CHỦ NGHĨA VIỆT NAM');
      expect(made.length).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('close() fails queued pages and refuses new ones', async () => {
    const pool = new OcrPool({ size: 1, langPath, pageTimeoutMs: 60_000 });
    const first = pool.recognise(header);
    const queued = pool.recognise(header);
    first.catch(() => undefined);
    const queuedFails = expect(queued).rejects.toMatchObject({ code: 'OCR_FAILED' });
    await pool.close();
    await queuedFails;
    await expect(pool.recognise(header)).rejects.toMatchObject({ code: 'OCR_FAILED' });
  });
});
