import { EXIT, safeText, UsageError } from '../output';
import type { Command } from './index';
import type { ModelStatus } from '../../engine/understanding/model/modelStore';

const CLASS_VI: Record<string, string> = { public: 'công khai', conditional: 'có điều kiện', secret: 'không được tiếp cận' };

function printStatus(out: (t: string) => void, s: ModelStatus): void {
  out(`Mô hình đề xuất: đã học ${s.examples} quyết định${s.pending ? `, còn ${s.pending} quyết định chưa học` : ''}${s.updatedAt ? ` (cập nhật ${s.updatedAt})` : ''}.\n`);
  if (s.starter) out(`Mô hình khởi đầu: ${safeText(s.starter.source)}, ${s.starter.examples} quyết định (nhập ${s.starter.importedAt}).\n`);
  for (const [ground, l] of Object.entries(s.labels).sort((a, b) => b[1].examples - a[1].examples)) out(`  ${l.examples}\t${CLASS_VI[l.accessClass]}\t${ground}\n`);
}

/** minhbach model status | train | export TỆP [--source TÊN] | import TỆP */
export const modelCommand: Command = {
  options: { source: { type: 'string' } },
  async run(ctx) {
    const [sub, file, ...rest] = ctx.positionals;
    if (rest.length > 0) throw new UsageError('model nhận tối đa một tệp');
    const engine = await ctx.engine();
    const out = (t: string) => ctx.io.out(t);
    switch (sub) {
      case undefined:
      case 'status': {
        const status = engine.modelStatus();
        if (ctx.json) out(JSON.stringify(status) + '\n');
        else printStatus(out, status);
        return EXIT.ok;
      }
      case 'train': {
        const status = await engine.updateModel();
        if (ctx.json) out(JSON.stringify(status) + '\n');
        else printStatus(out, status);
        return EXIT.ok;
      }
      case 'export': {
        if (!file) throw new UsageError('model export cần đường dẫn tệp');
        const result = await engine.exportModel(file, typeof ctx.values.source === 'string' ? ctx.values.source : undefined);
        if (ctx.json) out(JSON.stringify(result) + '\n');
        else out(`Đã xuất mô hình (${result.examples} quyết định, bỏ các từ xuất hiện trong dưới 3 văn bản) vào ${safeText(result.file)}.\n`);
        return EXIT.ok;
      }
      case 'import': {
        if (!file) throw new UsageError('model import cần đường dẫn tệp');
        const status = await engine.importModel(file);
        if (ctx.json) out(JSON.stringify(status) + '\n');
        else printStatus(out, status);
        return EXIT.ok;
      }
      default:
        throw new UsageError(`lệnh con không hợp lệ: ${safeText(sub)} (status, train, export, import)`);
    }
  },
};
