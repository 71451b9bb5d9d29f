import path from 'node:path';
import { restoreArchive } from '../../engine/index';
import type { CheckName, VerifyReport } from '../../engine/integrity/verify';
import { EXIT, safeText, UsageError } from '../output';
import type { Command, CommandContext } from './index';

const CHECK_LABELS: Record<CheckName, string> = {
  database: 'Tệp cơ sở dữ liệu (integrity_check)',
  'foreign-keys': 'Liên kết giữa các bảng (khóa ngoại)',
  'search-index': 'Chỉ mục tìm kiếm (FTS5)',
  audit: 'Chuỗi băm nhật ký kiểm toán',
  schema: 'Cấu trúc cơ sở dữ liệu (so với các bản nâng cấp)',
  store: 'Tệp lưu trữ (SHA-256)',
  orphans: 'Tệp không thuộc bản ghi nào',
  forms: 'Biểu mẫu của cơ quan',
};

function printVerify(ctx: CommandContext, report: VerifyReport): void {
  const out = (t: string) => ctx.io.out(t);
  out(`Đã kiểm tra ${report.checked} tệp${report.quick ? ' (chế độ nhanh: quick_check, kích thước tệp)' : ''}.\n`);
  for (const check of report.checks) {
    out(`${check.ok ? 'ĐẠT ' : 'LỖI '} ${CHECK_LABELS[check.name]}\n`);
    for (const p of check.problems.slice(0, 20)) out(`       ${safeText(p)}\n`);
    for (const w of (check.warnings ?? []).slice(0, 20)) out(`       (lưu ý) ${safeText(w)}\n`);
  }
  for (const m of report.missing) out(`THIẾU ${m.sha256} (tài liệu ${m.documents.join(', ') || '—'})\n`);
  for (const m of report.mismatched) out(`SAI NỘI DUNG ${m.sha256} (tài liệu ${m.documents.join(', ') || '—'})\n`);
  if (report.damagedDocuments.length > 0) {
    out(`Tài liệu bị hỏng (${report.damagedDocuments.length}):\n`);
    for (const d of report.damagedDocuments) {
      out(`  số ${d.id}${d.fileName ? ` “${safeText(d.fileName)}”` : ''}: ${safeText(d.problems.join('; '))}\n`);
    }
  }
  out(
    report.ok
      ? 'Toàn vẹn: tốt.\n'
      : 'Toàn vẹn: CÓ LỖI — hãy khôi phục từ bản sao lưu gần nhất: minhbach restore TỆP --data-dir THƯ_MỤC_TRỐNG (xem README).\n',
  );
}

export const verifyCommand: Command = {
  options: { quick: { type: 'boolean', default: false } },
  async run(ctx) {
    const engine = await ctx.engine();
    const report = await engine.verify({ quick: Boolean(ctx.values.quick) });
    if (ctx.json) ctx.io.out(JSON.stringify(report) + '\n');
    else printVerify(ctx, report);
    // A damaged archive is a failure for scripts that check it.
    return report.ok ? EXIT.ok : EXIT.failure;
  },
};

export const backupCommand: Command = {
  options: {},
  async run(ctx) {
    const target = ctx.positionals[0];
    if (!target) throw new UsageError('backup cần đường dẫn tệp sao lưu');
    const engine = await ctx.engine();
    const report = await engine.backup(path.resolve(target));
    if (ctx.json) ctx.io.out(JSON.stringify(report) + '\n');
    else ctx.io.out(`Đã sao lưu ${report.files} tệp (${report.bytes} byte) vào ${safeText(report.file)}\n`);
    return EXIT.ok;
  },
};

export const restoreCommand: Command = {
  options: {},
  async run(ctx) {
    const source = ctx.positionals[0];
    if (!source) throw new UsageError('restore cần đường dẫn tệp sao lưu');
    if (typeof ctx.values['data-dir'] !== 'string') throw new UsageError('restore cần --data-dir chỉ tới một thư mục trống');
    const report = await restoreArchive(path.resolve(source), ctx.dataDir);
    if (ctx.json) ctx.io.out(JSON.stringify(report) + '\n');
    else ctx.io.out(`Đã khôi phục ${report.files} tệp vào ${safeText(report.dataDir)} (đã kiểm tra mã băm, cấu trúc, cài đặt và toàn vẹn).\n`);
    return EXIT.ok;
  },
};
