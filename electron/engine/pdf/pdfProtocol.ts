import type { PdfLimits } from './limits';
import type { SerialisedError } from '../workers/workerProtocol';

/** What the parent asks the PDF child process to do (one task at a time). */
export type PdfTask =
  | { op: 'analyse'; bytes: Uint8Array; maxPages: number }
  | { op: 'count'; bytes: Uint8Array }
  | { op: 'text'; bytes: Uint8Array; page: number }
  | { op: 'rasterise'; bytes: Uint8Array; page: number; dpi: number }
  | { op: 'rasteriseColour'; bytes: Uint8Array; page: number; dpi: number }
  | { op: 'viewer'; bytes: Uint8Array; page: number; size: number }
  | { op: 'textItems'; bytes: Uint8Array; page: number };

export interface PdfRequest {
  id: number;
  task: PdfTask;
  limits: PdfLimits;
}

export type PdfReply =
  | { id: number; ok: true; value: unknown; peakRssMb: number }
  | { id: number; ok: false; error: SerialisedError; peakRssMb: number };

/** Written to stderr by the child's memory watchdog just before it kills its process. */
export const OVER_MEMORY_MARK = 'MINHBACH_PDF_OVER_MEMORY';
