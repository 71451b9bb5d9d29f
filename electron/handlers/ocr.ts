import type { HandlerContext, HandlerTable } from './types';

export function ocrHandlers({ engine, log }: HandlerContext): HandlerTable {
  return {
    // OCR takes seconds per page: the job runs in the background (with the OCR settings in
    // force) and reports through jobs:progress; the call returns as soon as it is queued.
    'ocr:run': ({ ids, force }) => {
      engine.ocr(ids ?? 'all', { force }).catch((e: Error) => log.error(`OCR run failed: ${e.stack ?? e.message}`));
      return { started: true };
    },
  };
}
