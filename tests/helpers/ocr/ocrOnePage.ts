// Child-process script for the no-network test: OCRs one image page and one image-only PDF page
// through the public engine API and prints a JSON summary. Run with the network guard preloaded.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createOcrEngine } from '../../../electron/engine/ocr/index';

const [imagePath, pdfPath] = process.argv.slice(2) as [string, string];
// The guard must be live here, or this proof proves nothing.
const guarded = await fetch('http://example.invalid/').then(
  () => false,
  (e: Error) => e.message.startsWith('network access blocked'),
);
const tmp = await mkdtemp(path.join(os.tmpdir(), 'minhbach-nonet-'));
const engine = await createOcrEngine({ tessdataDir: path.join(tmp, 'tessdata'), workers: 1 });
try {
  process.stderr.write('@@OCR_START@@\n');
  const image = await engine.recognisePage(await readFile(imagePath));
  const raster = await engine.rasterisePdfPage(await readFile(pdfPath), 1);
  const pdfPage = await engine.recognisePage(raster.png);
  process.stdout.write(JSON.stringify({ guarded, imageText: image.text, pdfText: pdfPage.text }));
} finally {
  await engine.close();
  await rm(tmp, { recursive: true, force: true });
}
