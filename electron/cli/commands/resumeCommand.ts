import { EXIT } from '../output';
import type { Command } from './index';
import { printOcrResult } from './ocrCommands';
import { pipelineReporter } from './pipelineReporter';

/** Runs every job the archive has unfinished — a crash, a power cut or a closed terminal left
 *  it, or `import` queued it (OCR, header + suggestion) — to its end. */
export const resumeCommand: Command = {
  options: {},
  async run(ctx) {
    const engine = await ctx.engine();
    const { listener, summary, counts } = pipelineReporter(ctx);
    const ran = await engine.resume(listener);
    if (counts.imported + counts.duplicate + counts.rejected > 0) summary();
    const ocrJobs = ran.filter((id) => engine.jobs.get(id)?.kind === 'ocr');
    if (ocrJobs.length > 0) {
      const documents = engine.jobOcrReport(ocrJobs);
      printOcrResult(ctx, { jobIds: ocrJobs, documents });
    }
    if (ran.length === 0) ctx.io.err('Không có công việc nào dở dang.\n');
    return EXIT.ok;
  },
};
