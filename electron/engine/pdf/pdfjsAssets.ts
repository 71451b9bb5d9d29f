import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** Folder URLs inside pdfjs-dist that pdf.js needs to work offline (fonts, CMaps, wasm decoders). */
export function pdfjsAssetUrls(): { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string; iccUrl: string } {
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  const url = (folder: string) => pathToFileURL(path.join(root, folder) + path.sep).href;
  return {
    standardFontDataUrl: url('standard_fonts'),
    cMapUrl: url('cmaps'),
    wasmUrl: url('wasm'),
    iccUrl: url('iccs'),
  };
}

/** Loads the legacy (Node-capable) build of pdf.js. */
export async function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}
