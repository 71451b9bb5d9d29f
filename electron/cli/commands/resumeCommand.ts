import { EXIT } from '../output';
import type { Command } from './index';
import { importReporter } from './importCommand';

/** Finishes jobs that a crash, a power cut or a closed terminal left unfinished. */
export const resumeCommand: Command = {
  options: {},
  async run(ctx) {
    const engine = await ctx.engine();
    const { report, summary } = importReporter(ctx);
    const resumed = await engine.resumeImports(report);
    if (resumed === 0) ctx.io.err('Không có công việc nào dở dang.\n');
    else summary();
    return EXIT.ok;
  },
};
