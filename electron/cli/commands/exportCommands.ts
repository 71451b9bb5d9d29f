/** `export` and `agency`: the disclosure catalogue from the CLI (`run` is runCommand.ts). */
import type { ExportSummary } from '../../engine/catalogue/exportCatalogue';
import { FORM_CODES, type AgencyPatch, type FormCode } from '../../engine/catalogue/agencySettings';
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
  'other-copy-published': 'một bản khác của cùng văn bản được công bố thay cho bản này',
  'copies-disagree': 'các bản của cùng văn bản có quyết định khác nhau, cần quyết định lại cho thống nhất',
  'redaction-changed': 'vùng che đã thay đổi (hoặc mới được đánh dấu) sau khi quyết định, cần phê duyệt lại',
};

export function printSummary(ctx: CommandContext, s: ExportSummary): void {
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

export function exportOptions(ctx: CommandContext) {
  const out = str(ctx, 'out');
  if (!out) throw new UsageError('thiếu --out THƯ_MỤC');
  const asOf = str(ctx, 'as-of');
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError('--as-of phải có dạng yyyy-mm-dd');
  const zip = str(ctx, 'zip');
  return { out, ...(zip ? { zip } : {}), ...(asOf ? { asOf } : {}), onProgress: (step: string) => ctx.io.err(`… ${step}\n`) };
}

export const EXPORT_OPTIONS = { out: { type: 'string' }, zip: { type: 'string' }, 'as-of': { type: 'string' } } as const;

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
