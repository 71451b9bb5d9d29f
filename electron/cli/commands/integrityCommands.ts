import path from 'node:path';
import { restoreArchive } from '../../engine/index';
import { EXIT, safeText, UsageError } from '../output';
import type { Command } from './index';

export const verifyCommand: Command = {
  options: {},
  async run(ctx) {
    const engine = await ctx.engine();
    const report = await engine.verify();
    if (ctx.json) ctx.io.out(JSON.stringify(report) + '\n');
    else {
      ctx.io.out(`Đã kiểm tra ${report.checked} tệp.\n`);
      for (const m of report.missing) ctx.io.out(`THIẾU ${m.sha256} (tài liệu ${m.documents.join(', ')})\n`);
      for (const m of report.mismatched) ctx.io.out(`SAI NỘI DUNG ${m.sha256} (tài liệu ${m.documents.join(', ')})\n`);
      ctx.io.out(report.ok ? 'Toàn vẹn: tốt.\n' : 'Toàn vẹn: CÓ LỖI — hãy khôi phục từ bản sao lưu.\n');
    }
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
    else ctx.io.out(`Đã khôi phục ${report.files} tệp vào ${safeText(report.dataDir)}\n`);
    return EXIT.ok;
  },
};
