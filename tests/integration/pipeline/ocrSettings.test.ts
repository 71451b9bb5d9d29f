// The OCR settings reach tesseract and apply live, never cutting a page short: changed while a
// run is in flight, the pool is restarted only once the pages already started are recorded, and
// the pages after that are read with the new languages. Three small text scans, real OCR.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/index';
import { tempDir } from '../../helpers/fixtures';
import { writeTextScan } from '../../helpers/pipelineFiles';

const temp = tempDir('minhbach-ocrsettings-');
afterAll(() => temp.cleanup());

describe('OCR settings', () => {
  it('restarts the pool for new workers and languages only between pages, and the languages reach tesseract', async () => {
    const engine = await createEngine({ dataDir: path.join(temp.dir, 'data'), actor: 'tester' });
    try {
      engine.updatePipelineSettings({ autoOcr: false, ocrWorkers: 1, ocrLanguages: ['vie'] });
      const files = [];
      for (let i = 1; i <= 3; i += 1) files.push(await writeTextScan(path.join(temp.dir, `page-${i}.png`), [`THÔNG BÁO SỐ ${i}`, 'Về việc lịch tiếp công dân']));
      const ids = (await engine.importPaths(files)).map((r) => r.id!);
      expect(engine.list().every((d) => d.ocrQueued === 0)).toBe(true); // automatic OCR off: nothing queued

      let changed = false;
      const run = await engine.ocr(ids, {
        onProgress: () => {
          if (changed) return;
          changed = true;
          engine.updatePipelineSettings({ ocrWorkers: 2, ocrLanguages: ['eng', 'vie'] });
        },
      });
      expect(run.documents.map((d) => [d.done, d.failed])).toEqual([[1, 0], [1, 0], [1, 0]]);
      expect(engine.pipeline.ocr.starts).toBe(2);
      const engines = (engine.db.prepare('SELECT ocr_engine FROM pages ORDER BY updated_at').all() as { ocr_engine: string }[]).map((r) => r.ocr_engine);
      // The first pool read the pages it had started (one recognising, one queued) with 'vie'; the
      // pool restarted for the rest with both languages, Vietnamese first.
      expect(engines.slice(0, 2)).toEqual(['tesseract.js 7.0.0 vie fast', 'tesseract.js 7.0.0 vie fast']);
      expect(engines[2]).toBe('tesseract.js 7.0.0 vie+eng fast');
      expect(engine.pipelineSettings()).toMatchObject({ ocrWorkers: 2, ocrLanguages: ['eng', 'vie'], autoOcr: false });
    } finally {
      await engine.close();
    }
  }, 120_000);
});
