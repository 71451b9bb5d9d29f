import type { HeaderKey } from '../../../shared/domain/header';
import type { ErrorCode } from '../../../shared/domain/errors';
import type { ExtractedHeader } from '../understanding/headerExtractor';
import type { Evidence } from '../understanding/suggest';

export interface UnderstandTask {
  ids: number[];
}

export type UnderstandOutcome =
  | {
      id: number;
      ok: true;
      /** What was read (stored as the extraction). */
      header: ExtractedHeader;
      evidence: Evidence;
      /** The same with a person's header corrections in place (the suggestion is made from it). */
      forSuggestion: { header: ExtractedHeader; evidence: Evidence };
      ocrConfidence: Partial<Record<HeaderKey, number>>;
    }
  | { id: number; ok: false; code: ErrorCode };
