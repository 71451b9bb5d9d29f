import type { HeaderKey } from '../../../shared/domain/header';
import type { ErrorCode } from '../../../shared/domain/errors';
import type { ExtractedHeader } from '../understanding/headerExtractor';
import type { Evidence } from '../understanding/suggest';

export interface UnderstandTask {
  ids: number[];
}

export type UnderstandOutcome =
  | { id: number; ok: true; header: ExtractedHeader; evidence: Evidence; ocrConfidence: Partial<Record<HeaderKey, number>> }
  | { id: number; ok: false; code: ErrorCode };
