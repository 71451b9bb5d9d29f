import type { RunnerProgress } from '../../engine/jobs/jobRunner';
import { toImportProgress, toOcrProgress } from '../../engine/pipeline/progress';
import { safeText } from '../output';
import type { CommandContext } from './index';
import { importReporter } from './importCommand';
import { ocrReporter } from './ocrCommands';

/** One progress listener for every step of the pipeline: a line per imported file (JSON on stdout
 *  with --json), per OCR page, and the header + suggestion count — all but the import's JSON on
 *  stderr. `summary()` prints the import totals. */
export function pipelineReporter(ctx: CommandContext) {
  const imports = importReporter(ctx);
  const ocr = ocrReporter(ctx);
  const listener = (p: RunnerProgress) => {
    const imported = toImportProgress(p);
    if (imported) return imports.report(imported);
    const page = toOcrProgress(p);
    if (page) return ocr(page);
    if (p.kind === 'understand' && p.finished) {
      const c = p.counts;
      ctx.io.err(`Đọc tiêu đề và đề xuất phân loại: ${c.done + c.failed}/${c.queued + c.running + c.done + c.failed + c.cancelled} tài liệu\n`);
    }
    // Only long files say how far their reading is.
    if (p.item && p.item.total >= 20) ctx.io.err(`  ${safeText(p.item.label)}: đã đọc ${p.item.done}/${p.item.total} trang\n`);
  };
  return { listener, summary: imports.summary, counts: imports.counts };
}
