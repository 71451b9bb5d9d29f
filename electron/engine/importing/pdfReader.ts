// PDF reading for import lives in engine/pdf/ (the one PDF module); this keeps the import-side
// name. Engine imports send PDFs to the memory-capped child process (engine/pdf/pdfService.ts);
// this in-process form is what analyseFile() uses when called directly.
import { analysePdfDocument } from '../pdf/pdfDocument';
import type { ImportLimits, PageAnalysis } from './types';

export { crossReferenceIntact, hasUsableText, textFromItems } from '../pdf/pdfDocument';

/** `onPage` is called once the whole file is read (the PDF child reports no page progress; PDFs
 *  read in well under a second a page, unlike a 1000-page TIFF). */
export async function analysePdf(
  bytes: Uint8Array,
  limits: ImportLimits,
  onPage: (done: number, total: number) => void = () => undefined,
): Promise<{ pages: PageAnalysis[]; warnings: string[] }> {
  const result = await analysePdfDocument(bytes, limits.maxPages);
  onPage(result.pages.length, result.pages.length);
  return result;
}
