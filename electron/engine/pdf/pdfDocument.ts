/**
 * The one way Minh Bạch opens a PDF (import, OCR and the viewer all come here, inside the
 * memory-capped child process of pdfService.ts): pdf.js's legacy build with its assets read from
 * node_modules/pdfjs-dist (offline), scripts never run (no eval, no XFA, no scripting API), and
 * every stream checked for decompression bombs before pdf.js may decode any of it.
 */
import sharp from 'sharp';
import { AppError } from '../../../shared/domain/errors';
import { nfc } from '../../../shared/text/vietnamese';
import { sha256Hex } from '../archive/fileStore';
import { DEFAULT_PDF_LIMITS, type PdfLimits } from './limits';
import { loadPdfjs, pdfjsAssetUrls } from './pdfjsAssets';
import { scanPdfStreams } from './streamScan';

type PdfJs = Awaited<ReturnType<typeof loadPdfjs>>;
type PdfDocumentProxy = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** Below this many letters or digits a page's text layer is treated as absent (a scan's stray
 *  marks, page numbers) and the page waits for OCR. */
const MIN_TEXT_LAYER_CHARS = 20;

export const RASTER_DPI = 300;

export interface PdfPageInfo {
  n: number;
  width: number;
  height: number;
  /** Text layer (NFC), or null when the page needs OCR. */
  text: string | null;
}

export interface RasterisedPage {
  png: Buffer;
  width: number;
  height: number;
  dpi: number;
}

export interface ViewerImage {
  webp: Uint8Array;
  width: number;
  height: number;
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

/** Joins pdf.js text items into lines the way they were laid out. */
export function textFromItems(items: TextItemLike[]): string {
  let text = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return nfc(
    text
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      .filter((line, i, lines) => line.length > 0 || (i > 0 && lines[i - 1]!.length > 0))
      .join('\n')
      .trim(),
  );
}

export function hasUsableText(text: string): boolean {
  const meaningful = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return meaningful >= MIN_TEXT_LAYER_CHARS;
}

/**
 * Whether the file's last `startxref` points at a cross-reference table or stream. When it does
 * not (truncated, edited by hand, a broken writer), pdf.js rebuilds the table by scanning every
 * object and reads the file anyway: the import says so ("PDF_REPAIRED"), since pages or text may
 * differ from what the author's reader showed.
 */
export function crossReferenceIntact(latin1: string): boolean {
  const at = latin1.lastIndexOf('startxref');
  if (at < 0) return false;
  const offset = /^startxref\s+(\d+)/.exec(latin1.slice(at, at + 40));
  if (!offset) return false;
  const target = Number(offset[1]);
  if (target <= 0 || target >= latin1.length) return false;
  const head = latin1.slice(target, target + 40).trimStart();
  return head.startsWith('xref') || /^\d+\s+\d+\s+obj\b/.test(head);
}

const ACTIVE_CONTENT = /\/(JavaScript|JS|OpenAction|AA|Launch|SubmitForm|RichMedia|EmbeddedFile)\b/;

// The same file is opened once per page by OCR: its streams are scanned once.
let lastScanned: string | null = null;

/** Opens a PDF after the bomb scan. Throws EMPTY_FILE, DECOMPRESSION_BOMB, ENCRYPTED_PDF, CORRUPT_FILE. */
export async function openPdf(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfDocumentProxy> {
  if (bytes.byteLength === 0) throw new AppError('EMPTY_FILE');
  const key = `${bytes.byteLength}:${sha256Hex(bytes)}`;
  if (key !== lastScanned) {
    await scanPdfStreams(bytes, limits);
    lastScanned = key;
  }
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    ...pdfjsAssetUrls(),
    cMapPacked: true,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    // Images larger than this are not decoded by pdf.js either (belt and braces with the scan).
    maxImageSize: limits.maxImagePixels,
  });
  try {
    return await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    await task.destroy().catch(() => undefined);
    if (name === 'PasswordException') throw new AppError('ENCRYPTED_PDF');
    throw new AppError('CORRUPT_FILE', `pdf.js: ${(e as Error).message}`);
  }
}

async function withPdf<T>(bytes: Uint8Array, limits: PdfLimits, use: (doc: PdfDocumentProxy) => Promise<T>): Promise<T> {
  const doc = await openPdf(bytes, limits);
  try {
    return await use(doc);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

async function getPage(doc: PdfDocumentProxy, n: number) {
  if (!Number.isInteger(n) || n < 1 || n > doc.numPages) throw new AppError('INVALID_INPUT', `page ${n} of ${doc.numPages}`);
  try {
    return await doc.getPage(n);
  } catch (e) {
    throw new AppError('CORRUPT_FILE', `page ${n}: ${(e as Error).message}`);
  }
}

/** Page count, sizes (points) and text layer of every page; flags active content (never run). */
export async function analysePdfDocument(
  bytes: Uint8Array,
  maxPages: number,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
): Promise<{ pages: PdfPageInfo[]; warnings: string[] }> {
  const warnings: string[] = [];
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (ACTIVE_CONTENT.test(latin1)) warnings.push('ACTIVE_CONTENT');
  if (!crossReferenceIntact(latin1)) warnings.push('PDF_REPAIRED');
  return withPdf(bytes, limits, async (doc) => {
    if (doc.numPages < 1) throw new AppError('NO_PAGES');
    if (doc.numPages > maxPages) throw new AppError('TOO_MANY_PAGES', `${doc.numPages} pages, limit ${maxPages}`);
    const pages: PdfPageInfo[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await getPage(doc, n);
      const viewport = page.getViewport({ scale: 1 });
      let text: string;
      try {
        text = textFromItems((await page.getTextContent()).items as TextItemLike[]);
      } catch (e) {
        throw new AppError('CORRUPT_FILE', `page ${n} text: ${(e as Error).message}`);
      }
      pages.push({ n, width: Math.round(viewport.width), height: Math.round(viewport.height), text: hasUsableText(text) ? text : null });
      page.cleanup();
    }
    return { pages, warnings };
  });
}

export function countPdfPages(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<number> {
  return withPdf(bytes, limits, async (doc) => doc.numPages);
}

/** The text layer of page `n` (1-based), NFC, items joined by spaces / line ends. */
export function readPdfPageText(bytes: Uint8Array, n: number, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<string> {
  return withPdf(bytes, limits, async (doc) => {
    const content = await (await getPage(doc, n)).getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : ' ');
    }
    return nfc(text.trim());
  });
}

/** One pdf.js text item placed on the page: its string, whether a line ends after it, and where
 *  it is in the page's viewport at scale 1 (points, origin top left, the page's /Rotate applied):
 *  the baseline start (x, y), the unit vector along the text (dx, dy), its advance length and its
 *  font size. Redaction turns offsets in the page text into boxes from these. */
export interface PlacedTextItem {
  str: string;
  hasEOL: boolean;
  x: number;
  y: number;
  dx: number;
  dy: number;
  length: number;
  size: number;
}

export interface PageTextItems {
  /** Viewport size at scale 1 (points): what the page image's fractions refer to. */
  width: number;
  height: number;
  items: PlacedTextItem[];
}

/** The text items of page `n` with their place on the page (for redaction boxes). */
export function pdfPageTextItems(bytes: Uint8Array, n: number, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PageTextItems> {
  return withPdf(bytes, limits, async (doc) => {
    const pdfjs = await loadPdfjs();
    const page = await getPage(doc, n);
    const viewport = page.getViewport({ scale: 1 });
    let content;
    try {
      content = await page.getTextContent();
    } catch (e) {
      throw new AppError('CORRUPT_FILE', `page ${n} text: ${(e as Error).message}`);
    }
    const items: PlacedTextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const m = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
      // m maps text space (x along the text, y up) to the viewport (y down).
      const along = Math.hypot(m[0]!, m[1]!);
      const size = Math.hypot(m[2]!, m[3]!);
      const dx = along > 0 ? m[0]! / along : 1;
      const dy = along > 0 ? m[1]! / along : 0;
      // item.width is in user space; the viewport at scale 1 keeps lengths.
      items.push({ str: item.str, hasEOL: item.hasEOL, x: m[4]!, y: m[5]!, dx, dy, length: item.width, size: size || item.height });
    }
    page.cleanup();
    return { width: viewport.width, height: viewport.height, items };
  });
}

interface NodeCanvas {
  canvas: unknown;
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}

/** Renders page `n` at `scale` (pixels per point) into raw RGBA, capped at maxRenderPixels. */
async function renderRgba(doc: PdfDocumentProxy, n: number, scaleFor: (w: number, h: number) => number, limits: PdfLimits) {
  const page = await getPage(doc, n);
  const unscaled = page.getViewport({ scale: 1 });
  let scale = scaleFor(unscaled.width, unscaled.height);
  const area = unscaled.width * scale * unscaled.height * scale;
  if (area > limits.maxRenderPixels) scale *= Math.sqrt(limits.maxRenderPixels / area);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));
  const { canvas, context } = (doc.canvasFactory as { create(w: number, h: number): NodeCanvas }).create(width, height);
  try {
    // pdf.js types the canvas as DOM objects; in Node they are @napi-rs/canvas ones.
    await page.render({ canvas, canvasContext: context, viewport } as unknown as Parameters<typeof page.render>[0]).promise;
  } catch (e) {
    throw new AppError('CORRUPT_FILE', `pdf render page ${n}: ${(e as Error).message}`);
  }
  const rgba = context.getImageData(0, 0, width, height).data;
  page.cleanup();
  return { rgba: Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), width, height, scale };
}

/** Page `n` as a greyscale PNG at `dpi` (lower for pages larger than maxRenderPixels) — for OCR. */
export function rasterisePdfPage(bytes: Uint8Array, n: number, dpi = RASTER_DPI, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<RasterisedPage> {
  return withPdf(bytes, limits, async (doc) => {
    const r = await renderRgba(doc, n, () => dpi / 72, limits);
    const effectiveDpi = Math.floor(r.scale * 72);
    const png = await sharp(r.rgba, { raw: { width: r.width, height: r.height, channels: 4 } })
      .flatten({ background: '#ffffff' })
      .toColourspace('b-w')
      // An intermediate image, decoded again at once by the page preparation: fast beats small.
      .png({ compressionLevel: 1 })
      .withDensity(effectiveDpi)
      .toBuffer();
    return { png, width: r.width, height: r.height, dpi: effectiveDpi };
  });
}

/** Page `n` in colour as a PNG at ≥ 200 dpi (for redaction: what is blacked out must be seen). */
export function rasterisePdfPageColour(bytes: Uint8Array, n: number, dpi = RASTER_DPI, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<RasterisedPage> {
  const wanted = Math.max(200, dpi);
  return withPdf(bytes, limits, async (doc) => {
    const r = await renderRgba(doc, n, () => wanted / 72, limits);
    const effectiveDpi = Math.floor(r.scale * 72);
    const png = await sharp(r.rgba, { raw: { width: r.width, height: r.height, channels: 4 } })
      .flatten({ background: '#ffffff' })
      .png({ compressionLevel: 3 })
      .withDensity(effectiveDpi)
      .toBuffer();
    return { png, width: r.width, height: r.height, dpi: effectiveDpi };
  });
}

/** Page `n` scaled so its longest side is `size` pixels, as WebP — for the viewer. */
export function renderPdfPageForViewer(bytes: Uint8Array, n: number, size: number, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<ViewerImage> {
  return withPdf(bytes, limits, async (doc) => {
    const r = await renderRgba(doc, n, (w, h) => size / Math.max(w, h), limits);
    const webp = await sharp(r.rgba, { raw: { width: r.width, height: r.height, channels: 4 } })
      .flatten({ background: '#ffffff' })
      .webp({ quality: 80 })
      .toBuffer();
    return { webp: new Uint8Array(webp), width: r.width, height: r.height };
  });
}
