/**
 * `export`, `agency` and `run`: the disclosure catalogue from the CLI. `run` is the whole job in
 * one command (import → OCR → extract → suggest → [approve] → export); only documents with an
 * approved decision are published, and `--approve-suggestions` records the named reviewer's
 * approval of each suggestion of this run (audited one by one); documents without a suggestion
 * stay unpublished.
 */
import type { Engine } from '../../engine/index';
import type { ExportSummary } from '../../engine/catalogue/exportCatalogue';
import { FORM_CODES, type AgencyPatch, type FormCode } from '../../engine/catalogue/agencySettings';
import type { ImportResult } from '../../../shared/contract/schemas';
import type { HeldBackReason } from '../../../shared/contract/catalogue';
import { EXIT, safeText, UsageError } from '../output';
import type { Command, CommandContext } from './index';

function str(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' ? v : undefined;
}

const HELD_BACK_VI: Record<HeldBackReason, string> = {
  'secrecy-marking': 'văn bản có dấu độ mật',
  'basis-unknown': 'căn cứ pháp lý không có trong danh mục căn cứ',
  'basis-class-mismatch': 'căn cứ pháp lý không phù hợp với mức tiếp cận',
  'period-ended': 'đã hết thời hạn công khai',
  'basis-outdated': 'căn cứ thuộc phiên bản luật không có hiệu lực vào ngày quyết định, cần quyết định lại',
  'personal-data': 'tên công bố còn chứa dữ liệu cá nhân, cần sửa rồi phê duyệt lại',
  'redaction-changed': 'vùng che đã thay đổi (hoặc mới được đánh dấu) sau khi quyết định, cần phê duyệt lại',
};

function printSummary(ctx: CommandContext, s: ExportSummary): void {
  const c = s.counts;
  ctx.io.err(
    `Đã xuất vào ${safeText(s.out)}: ${c.public} văn bản công khai, ${c.conditional} mục tiếp cận có điều kiện; ` +
      `không xuất ${c.secret} tài liệu mật, ${c.undecided} tài liệu chưa được phê duyệt` +
      (c.expired ? `, ${c.expired} tài liệu hết thời hạn công khai` : '') +
      `.\nTệp: ${s.files} (ghi ${s.written}, giữ nguyên ${s.unchanged}, xóa ${s.removed}).${s.zip ? ` ZIP: ${safeText(s.zip)}` : ''}\n`,
  );
  for (const h of s.heldBack.filter((x) => x.reason !== 'period-ended')) ctx.io.err(`Giữ lại #${h.documentId}: ${HELD_BACK_VI[h.reason]} [${h.reason}]\n`);
  for (const w of s.warnings) ctx.io.err(`Lưu ý: ${w}\n`);
}

function exportOptions(ctx: CommandContext) {
  const out = str(ctx, 'out');
  if (!out) throw new UsageError('thiếu --out THƯ_MỤC');
  const asOf = str(ctx, 'as-of');
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError('--as-of phải có dạng yyyy-mm-dd');
  const zip = str(ctx, 'zip');
  return { out, ...(zip ? { zip } : {}), ...(asOf ? { asOf } : {}), onProgress: (step: string) => ctx.io.err(`… ${step}\n`) };
}

const EXPORT_OPTIONS = { out: { type: 'string' }, zip: { type: 'string' }, 'as-of': { type: 'string' } } as const;

export const exportCommand: Command = {
  options: EXPORT_OPTIONS,
  async run(ctx) {
    if (ctx.positionals.length > 0) throw new UsageError('export không nhận tham số vị trí');
    const options = exportOptions(ctx);
    const engine = await ctx.engine();
    const summary = await engine.exportCatalogue(options);
    if (ctx.json) ctx.io.out(JSON.stringify(summary) + '\n');
    printSummary(ctx, summary);
    return EXIT.ok;
  },
};

const AGENCY_FIELDS: Record<string, keyof AgencyPatch> = {
  name: 'name',
  address: 'address',
  'focal-name': 'focalName',
  'focal-position': 'focalPosition',
  'focal-phone': 'focalPhone',
  'focal-email': 'focalEmail',
  'request-address': 'requestAddress',
  'feedback-address': 'feedbackAddress',
  'site-url': 'siteUrl',
};

export const agencyCommand: Command = {
  options: {
    ...Object.fromEntries(Object.keys(AGENCY_FIELDS).map((k) => [k, { type: 'string' }])),
    'period-months': { type: 'string' },
    form: { type: 'string', multiple: true },
  },
  async run(ctx) {
    const patch: AgencyPatch = {};
    for (const [option, key] of Object.entries(AGENCY_FIELDS)) {
      const v = str(ctx, option);
      if (v !== undefined) (patch as Record<string, string | null>)[key] = v === '' ? null : v;
    }
    const months = str(ctx, 'period-months');
    if (months !== undefined) {
      if (months !== '' && !/^[1-9]\d*$/.test(months)) throw new UsageError('--period-months phải là số tháng (để trống: thường xuyên)');
      patch.defaultPeriodMonths = months === '' ? null : Number(months);
    }
    const forms = (ctx.values.form as unknown as string[] | undefined) ?? [];
    const parsedForms = forms.map((f) => {
      const m = /^([0-9a-z]+)=(.*)$/.exec(f);
      if (!m || !(FORM_CODES as readonly string[]).includes(m[1]!)) throw new UsageError(`--form MÃ=TỆP, MÃ là một trong ${FORM_CODES.join(', ')}`);
      return { code: m[1] as FormCode, file: m[2] ? m[2] : null };
    });
    const engine = await ctx.engine();
    let settings = engine.updateAgencySettings(patch);
    for (const f of parsedForms) settings = await engine.setAgencyForm(f.code, f.file);
    if (ctx.json) ctx.io.out(JSON.stringify(settings) + '\n');
    else ctx.io.out(Object.entries(settings).map(([k, v]) => `${k}\t${safeText(typeof v === 'string' ? v : JSON.stringify(v))}`).join('\n') + '\n');
    return EXIT.ok;
  },
};

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
    const reviewer = str(ctx, 'reviewer')?.trim();
    if (approve && !reviewer) throw new UsageError('--approve-suggestions cần --reviewer TÊN (người chịu trách nhiệm phê duyệt)');
    if (!approve && reviewer) throw new UsageError('--reviewer chỉ dùng cùng --approve-suggestions');
    const workersRaw = str(ctx, 'ocr-workers');
    const workers = workersRaw ? Number(workersRaw) : undefined;
    if (workers !== undefined && !(Number.isInteger(workers) && workers > 0)) throw new UsageError('--ocr-workers phải là số nguyên dương');
    const engine = await ctx.engine();
    const err = (t: string) => ctx.io.err(t);

    err('1/5 Nhập tài liệu…\n');
    const results: ImportResult[] = await engine.importPaths(ctx.positionals, (p) => err(`  [${p.done}/${p.total}] ${p.result.status}: ${safeText(p.result.path)}\n`));
    const ids = new Set(results.filter((r) => r.id !== undefined).map((r) => r.id!));
    const rejected = results.filter((r) => r.status === 'rejected');

    err('2/5 Nhận dạng chữ (OCR) các trang ảnh…\n');
    if (ids.size > 0) {
      await engine.ocr([...ids].sort((a, b) => a - b), {
        ...(workers ? { workers } : {}),
        onProgress: (p) => err(`  OCR trang ${p.pagesDone}/${p.pagesTotal}\n`),
      });
    }
    const sorted = [...ids].sort((a, b) => a - b);
    err('3/5 Đọc trường tiêu đề…\n');
    const extracted = sorted.length ? engine.extract(sorted) : [];
    err('4/5 Đề xuất phân loại…\n');
    if (sorted.length) await engine.updateModel();
    const suggested = sorted.length ? engine.suggest(sorted) : [];
    const withSuggestion = suggested.filter((s) => !('error' in s) && s.class).length;
    let approved = 0;
    if (approve) {
      approved = approveRunSuggestions(engine, ids, reviewer!);
      err(`  ${safeText(reviewer!)} đã phê duyệt ${approved} đề xuất (ghi vào nhật ký kiểm toán).\n`);
    }
    err('5/5 Xuất danh mục…\n');
    const summary = await engine.exportCatalogue(options);
    const byClass: Record<string, number> = {};
    for (const s of suggested) if (!('error' in s) && s.class) byClass[s.class] = (byClass[s.class] ?? 0) + 1;
    const report = {
      imported: results.filter((r) => r.status === 'imported').length,
      duplicate: results.filter((r) => r.status === 'duplicate').length,
      rejected: rejected.map((r) => ({ path: r.path, code: r.error?.code ?? 'UNKNOWN', message: r.error?.message ?? '' })),
      textNotReady: extracted.filter((x) => 'error' in x).length,
      suggested: byClass,
      withoutSuggestion: sorted.length - withSuggestion,
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
