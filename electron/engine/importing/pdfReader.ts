import { AppError } from '../../../shared/domain/errors';
import { nfc } from '../../../shared/text/vietnamese';
import { loadPdfjs, pdfjsAssetUrls } from './pdfjsAssets';
import type { ImportLimits, PageAnalysis } from './types';

/** Below this many letters or digits a page's text layer is treated as absent (a scan's stray
 *  OCR-less marks, page numbers) and the page waits for OCR. */
const MIN_TEXT_LAYER_CHARS = 20;

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

/** Reads page count, sizes and text layer of a PDF. Scripts and actions are never run: pdf.js
 *  here has no scripting sandbox, eval is off and XFA is off; we only flag that they exist. */
export async function analysePdf(
  bytes: Uint8Array,
  limits: ImportLimits,
  onPage: (done: number, total: number) => void = () => undefined,
): Promise<{ pages: PageAnalysis[]; warnings: string[] }> {
  const warnings: string[] = [];
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (ACTIVE_CONTENT.test(latin1)) warnings.push('ACTIVE_CONTENT');
  if (!crossReferenceIntact(latin1)) warnings.push('PDF_REPAIRED');

  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdf.js may detach the buffer it is given; hand it a copy.
    data: new Uint8Array(bytes),
    ...pdfjsAssetUrls(),
    cMapPacked: true,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    await task.destroy().catch(() => undefined);
    if (name === 'PasswordException') throw new AppError('ENCRYPTED_PDF');
    throw new AppError('CORRUPT_FILE', `pdf.js: ${(e as Error).message}`);
  }
  try {
    if (doc.numPages < 1) throw new AppError('NO_PAGES');
    if (doc.numPages > limits.maxPages) {
      throw new AppError('TOO_MANY_PAGES', `${doc.numPages} pages, limit ${limits.maxPages}`);
    }
    const pages: PageAnalysis[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      let page;
      try {
        page = await doc.getPage(n);
      } catch (e) {
        throw new AppError('CORRUPT_FILE', `page ${n}: ${(e as Error).message}`);
      }
      const viewport = page.getViewport({ scale: 1 });
      let text = '';
      try {
        const content = await page.getTextContent();
        text = textFromItems(content.items as TextItemLike[]);
      } catch (e) {
        throw new AppError('CORRUPT_FILE', `page ${n} text: ${(e as Error).message}`);
      }
      pages.push({
        n,
        width: Math.round(viewport.width),
        height: Math.round(viewport.height),
        text: hasUsableText(text) ? text : null,
      });
      page.cleanup();
      onPage(n, doc.numPages);
    }
    return { pages, warnings };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
