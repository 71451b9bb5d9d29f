import { AppError } from '../../../shared/domain/errors';
import { analyseImage } from './imageReader';
import { analysePdf } from './pdfReader';
import { extensionClaimsSupportedType, sniffType } from './sniff';
import type { FileAnalysis, ImportLimits } from './types';

/** Decides what a file is from its bytes and reads its pages. Throws AppError for anything that
 *  must be rejected. Runs inside an import worker thread. */
export async function analyseFile(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits,
  onPage: (done: number, total: number) => void = () => undefined,
): Promise<FileAnalysis> {
  if (bytes.byteLength === 0) throw new AppError('EMPTY_FILE');
  const sniffed = sniffType(bytes);
  if (sniffed.kind === 'other') {
    const code = extensionClaimsSupportedType(fileName) ? 'TYPE_MISMATCH' : 'UNSUPPORTED_TYPE';
    throw new AppError(code, `content is ${sniffed.label}`);
  }
  const { pages, warnings } =
    sniffed.kind === 'pdf' ? await analysePdf(bytes, limits, onPage) : await analyseImage(bytes, sniffed.mime, limits, onPage);
  if (pages.length === 0) throw new AppError('NO_PAGES');
  return { mime: sniffed.mime, kind: sniffed.kind, pages, warnings };
}
