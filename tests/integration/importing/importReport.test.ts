// What an import says about each file: pages, pages with a text layer, pages that need OCR and
// whether their OCR was queued, and warnings — a PDF whose cross-reference table had to be
// rebuilt, active content — in the words of shared/domain/importWarnings.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../electron/engine/index';
import { crossReferenceIntact } from '../../../electron/engine/importing/pdfReader';
import { IMPORT_WARNINGS, importWarningText } from '../../../shared/domain/importWarnings';
import { fixture, tempDir } from '../../helpers/fixtures';

const temp = tempDir('minhbach-import-report-');
afterAll(() => temp.cleanup());

describe('import results', () => {
  it('report pages, text-layer pages, pages needing OCR, and a rebuilt PDF or active content as warnings', async () => {
    // d01 with its startxref pointing nowhere: readers rebuild the table, and so does pdf.js.
    const broken = path.join(temp.dir, 'xref-broken.pdf');
    const bytes = readFileSync(fixture('corpus', 'd01', 'born-digital.pdf')).toString('latin1');
    writeFileSync(broken, Buffer.from(bytes.replace(/startxref\s+\d+/, 'startxref\n17'), 'latin1'));
    expect(crossReferenceIntact(bytes)).toBe(true);

    const engine = await createEngine({ dataDir: path.join(temp.dir, 'data'), actor: 'tester' });
    try {
      engine.updatePipelineSettings({ autoOcr: false });
      const results = await engine.importPaths([broken, fixture('bad', 'javascript-openaction.pdf'), fixture('corpus', 'd04-scan.tiff')]);
      expect(results.map((r) => [r.fileName, r.status, r.pages, r.textPages, r.ocrPages, r.ocrQueued ?? null, r.warnings ?? []])).toEqual([
        ['xref-broken.pdf', 'imported', 1, 1, 0, null, ['PDF_REPAIRED']],
        ['javascript-openaction.pdf', 'imported', 1, 1, 0, null, ['ACTIVE_CONTENT']],
        ['d04-scan.tiff', 'imported', 2, 0, 2, false, []],
      ]);
      expect(engine.get(results[0]!.id!).pages[0]!.text).toBeTruthy();
      expect(importWarningText('PDF_REPAIRED')).toBe(IMPORT_WARNINGS.PDF_REPAIRED.vi);
      expect(importWarningText('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    } finally {
      await engine.close();
    }
  });
});
