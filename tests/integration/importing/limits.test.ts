import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/index';
import { fixture, tempDir } from '../../helpers/fixtures';

describe('configurable import limits', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it('rejects files over the page, pixel and size limits before decoding them', async () => {
    const engine = await createEngine({
      dataDir: path.join(temp.dir, 'a'),
      limits: { maxPages: 1, maxPixels: 500_000, maxFileBytes: 300_000 },
    });
    try {
      const [twoPages, bigImage, tooLarge, fine] = await engine.importNamedFiles([
        { path: fixture('corpus', 'd15', 'born-digital.pdf'), fileName: 'two-pages.pdf' },
        { path: fixture('bad', 'shell-name.png'), fileName: 'page.png' },
        { path: fixture('ocr', 'd26-page-1-rotated180.png'), fileName: 'big.png' },
        { path: fixture('corpus', 'd01', 'born-digital.pdf'), fileName: 'one-page.pdf' },
      ]);
      expect(twoPages).toMatchObject({ status: 'rejected', error: { code: 'TOO_MANY_PAGES' } });
      expect(bigImage).toMatchObject({ status: 'rejected', error: { code: 'IMAGE_TOO_LARGE' } });
      expect(tooLarge).toMatchObject({ status: 'rejected', error: { code: 'FILE_TOO_LARGE' } });
      expect(fine).toMatchObject({ status: 'imported', pages: 1 });
    } finally {
      await engine.close();
    }
  });

  it('abandons a file that takes too long, replaces the stuck reader and carries on', async () => {
    const engine = await createEngine({ dataDir: path.join(temp.dir, 'b'), workers: 1 });
    try {
      engine.limits.analyseTimeoutMs = 1;
      const [slow] = await engine.importPaths([fixture('corpus', 'd15', 'born-digital.pdf')]);
      expect(slow).toMatchObject({ status: 'rejected', error: { code: 'PROCESSING_TIMEOUT' } });
      expect(engine.list()).toEqual([]);
      engine.limits.analyseTimeoutMs = 60_000;
      const [again] = await engine.importPaths([fixture('corpus', 'd15', 'born-digital.pdf')]);
      expect(again).toMatchObject({ status: 'imported', pages: 2 });
    } finally {
      await engine.close();
    }
  });
});
