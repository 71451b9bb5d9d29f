import { z } from 'zod';
import { Id } from './schemas';

export const OcrRunInput = z.object({
  /** Documents to recognise; all documents with pages waiting when left out. */
  ids: z.array(Id).min(1).max(100_000).optional(),
  /** Re-recognise every page, text-layer and already recognised ones included. */
  force: z.boolean().default(false),
});

export const ocr = {
  /** Starts a durable OCR job in the background; progress arrives as `jobs:progress` (kind "ocr"). */
  'ocr:run': { input: OcrRunInput, output: z.object({ started: z.boolean() }), hosts: 'all' },
} as const;
