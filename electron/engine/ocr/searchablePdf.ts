/**
 * Searchable PDF: each page is the prepared scan with an invisible text layer (render mode 3) laid
 * word by word over the word boxes, so selecting, searching and `pdftotext` work while the page
 * looks exactly like the scan. Text is in Liberation Serif 2.x (it has every Vietnamese glyph),
 * embedded as a subset; the font and its OFL licence ship in resources/fonts/.
 */
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFDocument,
  type PDFFont,
  type PDFPage,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
} from 'pdf-lib';
import sharp from 'sharp';
import { nfc } from '../../../shared/text/vietnamese';
import type { OcrWord } from './types';
import { resourcePath } from '../resourcesDir';

/** Resolved when called: a packaged app sets its resources folder at start-up (resourcesDir.ts). */
export function defaultFontPath(): string {
  return resourcePath('fonts', 'LiberationSerif-Regular.ttf');
}
/** Page images go in as greyscale JPEG: a tenth of the size of PNG for scans, still crisp for reading. */
const PAGE_JPEG_QUALITY = 75;
/** Liberation Serif's descender is ~0.22 em: the baseline sits that far above the box bottom. */
const DESCENT_EM = 0.22;

export interface SearchablePdfPage {
  /** The prepared page image (PNG/JPEG/any format sharp reads) the word boxes refer to. */
  image: Uint8Array;
  /** Resolution of that image; sets the page size (A4 at 300 dpi → 595 × 842 pt). */
  dpi: number;
  words: OcrWord[];
}

export interface SearchablePdfMetadata {
  title?: string;
  subject?: string;
  keywords?: string[];
  author?: string;
  /** Defaults to 'Minh Bạch'. */
  creator?: string;
}

export interface SearchablePdfOptions {
  fontPath?: string;
}

async function embedPageImage(doc: PDFDocument, image: Uint8Array) {
  const { data, info } = await sharp(image)
    .toColourspace('b-w')
    .jpeg({ quality: PAGE_JPEG_QUALITY })
    .toBuffer({ resolveWithObject: true });
  return { embedded: await doc.embedJpg(data), width: info.width, height: info.height };
}

function drawInvisibleWords(page: PDFPage, font: PDFFont, words: OcrWord[], pxToPt: number): void {
  const fontKey = page.node.newFontDictionary(font.name, font.ref);
  const pageHeight = page.getHeight();
  const ops = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  for (const word of words) {
    const text = nfc(word.text);
    if (!text.trim()) continue;
    const boxWidth = (word.x1 - word.x0) * pxToPt;
    const size = Math.max(1, (word.y1 - word.y0) * pxToPt);
    const natural = font.widthOfTextAtSize(text, size);
    if (natural <= 0 || boxWidth <= 0) continue;
    // Stretch horizontally so the word covers its box: selections then match the scan.
    const stretch = boxWidth / natural;
    const baseline = pageHeight - word.y1 * pxToPt + size * DESCENT_EM;
    ops.push(
      setFontAndSize(fontKey, size),
      setTextMatrix(stretch, 0, 0, 1, word.x0 * pxToPt, baseline),
      showText(font.encodeText(text)),
    );
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}

/** Builds a searchable PDF from prepared page images and their OCR words. */
export async function buildSearchablePdf(
  pages: SearchablePdfPage[],
  metadata: SearchablePdfMetadata = {},
  options: SearchablePdfOptions = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(await readFile(options.fontPath ?? defaultFontPath()), { subset: true });
  for (const input of pages) {
    const { embedded, width, height } = await embedPageImage(doc, input.image);
    const pxToPt = 72 / (input.dpi > 0 ? input.dpi : 300);
    const page = doc.addPage([width * pxToPt, height * pxToPt]);
    page.drawImage(embedded, { x: 0, y: 0, width: width * pxToPt, height: height * pxToPt });
    drawInvisibleWords(page, font, input.words, pxToPt);
  }
  if (metadata.title) doc.setTitle(nfc(metadata.title), { showInWindowTitleBar: true });
  if (metadata.subject) doc.setSubject(nfc(metadata.subject));
  if (metadata.keywords?.length) doc.setKeywords(metadata.keywords.map(nfc));
  if (metadata.author) doc.setAuthor(nfc(metadata.author));
  doc.setCreator(metadata.creator ?? 'Minh Bạch');
  doc.setProducer('Minh Bạch (pdf-lib 1.17.1)');
  doc.setLanguage('vi');
  return doc.save();
}
