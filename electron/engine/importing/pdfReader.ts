// PDF reading for import lives in engine/pdf/ (the one PDF module); this keeps the import-side
// name. Engine imports send PDFs to the memory-capped child process (engine/pdf/pdfService.ts);
// this in-process form is what analyseFile() uses when called directly.
import { analysePdfDocument } from '../pdf/pdfDocument';
import type { ImportLimits, PageAnalysis } from './types';

export { hasUsableText, textFromItems } from '../pdf/pdfDocument';

export function analysePdf(bytes: Uint8Array, limits: ImportLimits): Promise<{ pages: PageAnalysis[]; warnings: string[] }> {
  return analysePdfDocument(bytes, limits.maxPages);
}
