/**
 * `run`: the whole job in one command, a thin wrapper around the engine's pipeline — finish what
 * a killed run left, import the folder (each file queues its own OCR and header + suggestion),
 * run the queue to its end, optionally record the named reviewer's approval of this run's
 * suggestions (audited one by one), export. Run it again after a crash: nothing is done twice.
 * Only documents with an approved decision are published.
 */
import type { Engine } from '../../engine/index';
import type { ImportResult } from '../../../shared/contract/schemas';
import { EXIT, safeText, UsageError } from '../output';
import type { Command } from './index';
import { EXPORT_OPTIONS, exportOptions, printSummary } from './exportCommands';
import { pipelineReporter } from './pipelineReporter';

const ACCESS_VI: Record<string, string> = { public: 'công khai', conditional: 'có điều kiện', secret: 'mật' };

function approveRunSuggestions(engine: Engine, ids: Set<number>, reviewer: string): number {
  let approved = 0;
  for (const item of engine.planApproval({})) {
    if (!ids.has(item.id)) continue;
    engine.decide({ documentId: item.id, access: item.to, basis: item.basis, basisVersion: item.basisVersion, reviewer, note: 'Phê duyệt đề xuất (minhbach run --approve-suggestions)', approve: true });
    approved += 1;
  }
  return approved;
}

export const runCommand: Command = {
  options: { ...EXPORT_OPTIONS, 'approve-suggestions': { type: 'boolean', default: false }, reviewer: { type: 'string' }, 'ocr-workers': { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('run cần đúng một THƯ_MỤC');
    const options = exportOptions(ctx);
    const approve = Boolean(ctx.values['approve-suggestions']);
    const reviewer = typeof ctx.values.reviewer === 'string' ? ctx.values.reviewer.trim() : undefined;
    if (approve && !reviewer) throw new UsageError('--approve-suggestions cần --reviewer TÊN (người chịu trách nhiệm phê duyệt)');
    if (!approve && reviewer) throw new UsageError('--reviewer chỉ dùng cùng --approve-suggestions');
    const workersRaw = ctx.values['ocr-workers'];
    const workers = typeof workersRaw === 'string' ? Number(workersRaw) : undefined;
    if (workers !== undefined && !(Number.isInteger(workers) && workers > 0 && workers <= 64)) throw new UsageError('--ocr-workers phải là số nguyên dương');
    const engine = await ctx.engine();
    if (workers) engine.pipeline.override({ ocrWorkers: workers });
    const err = (t: string) => ctx.io.err(t);
    const { listener } = pipelineReporter({ ...ctx, json: false, io: { ...ctx.io, out: err } });

    err('1/3 Nhập tài liệu (rồi OCR, đọc tiêu đề, đề xuất phân loại)…\n');
    const off = engine.onJobEvents(listener);
    let results: ImportResult[];
    try {
      // Suggestions use the agency's model: bring it up to date with the approved decisions first.
      await engine.updateModel();
      await engine.resumeImports();
      results = await engine.importPaths(ctx.positionals);
      await engine.resume();
    } finally {
      off();
    }
    const ids = [...new Set(results.filter((r) => r.id !== undefined).map((r) => r.id!))].sort((a, b) => a - b);
    const docs = ids.map((id) => engine.get(id));
    const byClass: Record<string, number> = {};
    for (const d of docs) if (d.access.suggested?.class) byClass[d.access.suggested.class] = (byClass[d.access.suggested.class] ?? 0) + 1;
    const withSuggestion = docs.filter((d) => d.access.suggested?.class).length;
    const needsCheck = docs.filter((d) => d.headerFields.some((f) => f.needsCheck)).length;
    let approved = 0;
    if (approve) {
      err('2/3 Phê duyệt đề xuất…\n');
      approved = approveRunSuggestions(engine, new Set(ids), reviewer!);
      err(`  ${safeText(reviewer!)} đã phê duyệt ${approved} đề xuất (ghi vào nhật ký kiểm toán).\n`);
      if (needsCheck > 0) err(`  ${needsCheck} tài liệu có trường “cần kiểm tra” chưa được phê duyệt: xác nhận bằng \`minhbach confirm\` hoặc trong ứng dụng.\n`);
    }
    err('3/3 Xuất danh mục…\n');
    const summary = await engine.exportCatalogue(options);
    const rejected = results.filter((r) => r.status === 'rejected');
    const report = {
      imported: results.filter((r) => r.status === 'imported').length,
      duplicate: results.filter((r) => r.status === 'duplicate').length,
      rejected: rejected.map((r) => ({ path: r.path, code: r.error?.code ?? 'UNKNOWN', message: r.error?.message ?? '' })),
      textNotReady: docs.filter((d) => d.pages.some((p) => p.text === null)).length,
      suggested: byClass,
      withoutSuggestion: ids.length - withSuggestion,
      needsCheck,
      approved,
      published: { public: summary.counts.public, conditional: summary.counts.conditional },
      export: summary,
    };
    if (ctx.json) ctx.io.out(JSON.stringify(report) + '\n');
    else {
      ctx.io.out(`Nhập: ${report.imported} mới, ${report.duplicate} trùng lặp, ${rejected.length} bị từ chối\n`);
      for (const r of report.rejected) ctx.io.out(`  từ chối: ${safeText(r.path)} — ${r.message} [${r.code}]\n`);
      ctx.io.out(`Đề xuất: ${Object.entries(byClass).map(([k, v]) => `${v} ${ACCESS_VI[k]}`).join(', ') || 'không có'}; ${report.withoutSuggestion} cần người xem xét (không công bố)\n`);
      ctx.io.out(`Công bố: ${summary.counts.public} công khai, ${summary.counts.conditional} có điều kiện (chỉ dòng danh mục); mật và chưa duyệt: không công bố\n`);
    }
    printSummary(ctx, summary);
    return EXIT.ok;
  },
};
