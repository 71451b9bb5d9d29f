import { EXIT } from '../output';
import type { Command } from './index';
import { importReporter } from './importCommand';
import { ocrReporter, printOcrResult } from './ocrCommands';

/** Finishes import and OCR jobs that a crash, a power cut or a closed terminal left unfinished. */
export const resumeCommand: Command = {
  options: {},
  async run(ctx) {
    const engine = await ctx.engine();
    const { report, summary } = importReporter(ctx);
    const resumed = await engine.resumeImports(report);
    if (resumed > 0) summary();
    // OCR after imports: a resumed import may have added pages that wait for OCR.
    const ocr = await engine.resumeOcr({ onProgress: ocrReporter(ctx) });
    if (ocr.jobIds.length > 0) printOcrResult(ctx, ocr);
    if (resumed === 0 && ocr.jobIds.length === 0) ctx.io.err('Không có công việc nào dở dang.\n');
    return EXIT.ok;
  },
};
