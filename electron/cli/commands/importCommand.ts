import type { ImportProgress } from '../../engine/index';
import { EXIT, safeText, UsageError } from '../output';
import type { Command, CommandContext } from './index';

const STATUS_VI = { imported: 'đã nhập', duplicate: 'trùng lặp', rejected: 'từ chối' } as const;

/** Reports each file as it finishes: a JSON line on stdout with --json, a Vietnamese line on
 *  stderr (stdout without --json). Returns the running totals. */
export function importReporter(ctx: CommandContext) {
  const counts = { imported: 0, duplicate: 0, rejected: 0 };
  const report = ({ done, total, result }: ImportProgress) => {
    counts[result.status] += 1;
    if (ctx.json) {
      const { fileName: _name, ...line } = result;
      ctx.io.out(JSON.stringify(line) + '\n');
    }
    const reason = result.error ? ` — ${result.error.message} [${result.error.code}]` : '';
    const id = result.id !== undefined ? ` #${result.id}` : '';
    const line = `[${done}/${total}] ${STATUS_VI[result.status]}${id}: ${safeText(result.path)}${reason}\n`;
    if (ctx.json) ctx.io.err(line);
    else ctx.io.out(line);
  };
  const summary = () =>
    ctx.io.err(`Xong: ${counts.imported} đã nhập, ${counts.duplicate} trùng lặp, ${counts.rejected} bị từ chối.\n`);
  return { report, summary, counts };
}

export const importCommand: Command = {
  options: {},
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('import cần ít nhất một đường dẫn');
    const engine = await ctx.engine();
    const { report, summary } = importReporter(ctx);
    const results = await engine.importPaths(ctx.positionals, report);
    summary();
    // The next steps are queued in the archive: the app runs them, or `minhbach resume` here.
    const ocr = results.filter((r) => r.ocrQueued).reduce((n, r) => n + (r.ocrPages ?? 0), 0);
    if (ocr > 0) ctx.io.err(`${ocr} trang chưa có chữ đã được xếp hàng chờ OCR.\n`);
    if (results.some((r) => r.status === 'imported')) ctx.io.err('Các bước tiếp theo (OCR, đọc tiêu đề, đề xuất) chạy trong ứng dụng, hoặc bằng lệnh `minhbach resume`.\n');
    return EXIT.ok;
  },
};
