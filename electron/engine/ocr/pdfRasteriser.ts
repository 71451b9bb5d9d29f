/**
 * Renders PDF pages to greyscale PNG (for OCR of image-only pages) and reads their text layer, with
 * pdfjs-dist's legacy build in Node. Offline: fonts, CMaps, wasm decoders (JPEG 2000, JBIG2) and ICC
 * profiles are read from node_modules/pdfjs-dist/ (the URLs need their trailing '/'). Scripts in the
 * PDF never run: `isEvalSupported: false`, no XFA, no scripting API.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { AppError } from '../../../shared/domain/errors';
import { nfc } from '../../../shared/text/vietnamese';

export const RASTER_DPI = 300;
/** A page larger than this at 300 dpi (e.g. a 2 m plan) is rendered at a lower dpi instead. */
export const MAX_RASTER_PIXELS = 60_000_000;

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));
const assetUrl = (folder: string): string => `${pathToFileURL(path.join(PDFJS_DIR, folder)).href}/`;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

let pdfjsModule: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsModule;
}

export interface RasterisedPage {
  png: Buffer;
  width: number;
  height: number;
  dpi: number;
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  if (bytes.byteLength === 0) throw new AppError('EMPTY_FILE');
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    standardFontDataUrl: assetUrl('standard_fonts'),
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    wasmUrl: assetUrl('wasm'),
    iccUrl: assetUrl('iccs'),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new AppError('ENCRYPTED_PDF');
    throw new AppError('CORRUPT_FILE', `pdf open: ${(e as Error).message}`);
  }
}

async function withPdf<T>(bytes: Uint8Array, use: (doc: PdfDocument) => Promise<T>): Promise<T> {
  const doc = await openPdf(bytes);
  try {
    return await use(doc);
  } finally {
    await doc.destroy();
  }
}

function checkPageNumber(doc: PdfDocument, pageNumber: number): void {
  if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > doc.numPages) {
    throw new AppError('INVALID_INPUT', `page ${pageNumber} of ${doc.numPages}`);
  }
}

export function countPdfPages(bytes: Uint8Array): Promise<number> {
  return withPdf(bytes, async (doc) => doc.numPages);
}

/** Renders page `pageNumber` (1-based) to a greyscale PNG at 300 dpi (less for huge pages). */
export function rasterisePdfPage(bytes: Uint8Array, pageNumber: number, dpi = RASTER_DPI): Promise<RasterisedPage> {
  return withPdf(bytes, async (doc) => {
    checkPageNumber(doc, pageNumber);
    const page = await doc.getPage(pageNumber);
    const unscaled = page.getViewport({ scale: 1 });
    const areaAtDpi = ((unscaled.width * dpi) / 72) * ((unscaled.height * dpi) / 72);
    const effectiveDpi = areaAtDpi > MAX_RASTER_PIXELS ? Math.floor(dpi * Math.sqrt(MAX_RASTER_PIXELS / areaAtDpi)) : dpi;
    const viewport = page.getViewport({ scale: effectiveDpi / 72 });
    const width = Math.max(1, Math.ceil(viewport.width));
    const height = Math.max(1, Math.ceil(viewport.height));
    const factory = doc.canvasFactory as { create(w: number, h: number): unknown };
    const { canvas, context } = factory.create(width, height) as {
      canvas: { width: number; height: number };
      context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    // pdfjs types the canvas as DOM objects; in Node they are @napi-rs/canvas ones.
    const renderParameters = { canvas, canvasContext: context, viewport } as unknown as Parameters<typeof page.render>[0];
    try {
      await page.render(renderParameters).promise;
    } catch (e) {
      throw new AppError('CORRUPT_FILE', `pdf render page ${pageNumber}: ${(e as Error).message}`);
    }
    const rgba = context.getImageData(0, 0, width, height).data;
    const png = await sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), {
      raw: { width, height, channels: 4 },
    })
      .flatten({ background: '#ffffff' })
      .toColourspace('b-w')
      // An intermediate image, decoded again at once by the page preparation: fast beats small.
      .png({ compressionLevel: 1 })
      .withDensity(effectiveDpi)
      .toBuffer();
    page.cleanup();
    return { png, width, height, dpi: effectiveDpi };
  });
}

/** The text layer of page `pageNumber` (1-based), NFC, items joined by spaces / line ends. */
export function readPdfPageText(bytes: Uint8Array, pageNumber: number): Promise<string> {
  return withPdf(bytes, async (doc) => {
    checkPageNumber(doc, pageNumber);
    const page = await doc.getPage(pageNumber);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : ' ');
    }
    return nfc(text.trim());
  });
}
