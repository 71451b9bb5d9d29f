import type { ImportProgress } from '../../engine/importing/importJob';
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
  return { report, summary };
}

export const importCommand: Command = {
  options: {},
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('import cần ít nhất một đường dẫn');
    const engine = await ctx.engine();
    const { report, summary } = importReporter(ctx);
    await engine.importPaths(ctx.positionals, report);
    summary();
    return EXIT.ok;
  },
};
