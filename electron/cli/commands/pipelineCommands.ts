/** `settings`, `jobs` and `confirm`: the pipeline's settings, its jobs, and "cần kiểm tra". */
import { HEADER_KEYS, type HeaderKey } from '../../../shared/domain/header';
import { OCR_LANGUAGES } from '../../../shared/contract/settings';
import { EXIT, safeText, UsageError } from '../output';
import type { Command, CommandContext } from './index';
import { parseId } from './documentCommands';

function str(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' ? v : undefined;
}

export const settingsCommand: Command = {
  options: { 'auto-ocr': { type: 'string' }, 'ocr-languages': { type: 'string' }, 'ocr-workers': { type: 'string' } },
  async run(ctx) {
    const patch: Record<string, unknown> = {};
    const auto = str(ctx, 'auto-ocr');
    if (auto !== undefined) {
      if (auto !== 'on' && auto !== 'off') throw new UsageError('--auto-ocr on|off');
      patch.autoOcr = auto === 'on';
    }
    const languages = str(ctx, 'ocr-languages');
    if (languages !== undefined) {
      const list = languages.split(/[,+]/).map((l) => l.trim()).filter(Boolean);
      if (list.length === 0 || !list.every((l) => (OCR_LANGUAGES as readonly string[]).includes(l))) throw new UsageError(`--ocr-languages: ${OCR_LANGUAGES.join(', ')}`);
      patch.ocrLanguages = list;
    }
    const workers = str(ctx, 'ocr-workers');
    if (workers !== undefined) {
      const n = Number(workers);
      if (!Number.isInteger(n) || n < 1 || n > 8) throw new UsageError('--ocr-workers phải là số nguyên từ 1 đến 8');
      patch.ocrWorkers = n;
    }
    const engine = await ctx.engine();
    const settings = Object.keys(patch).length > 0 ? engine.updatePipelineSettings(patch) : engine.pipelineSettings();
    if (ctx.json) ctx.io.out(JSON.stringify(settings) + '\n');
    else {
      ctx.io.out(`OCR tự động sau khi nhập: ${settings.autoOcr ? 'bật' : 'tắt'}\n`);
      ctx.io.out(`Ngôn ngữ OCR: ${settings.ocrLanguages.join(' + ')}\n`);
      ctx.io.out(`Số luồng OCR: ${settings.ocrWorkers}\n`);
    }
    return EXIT.ok;
  },
};

const STATE_VI: Record<string, string> = { queued: 'đang chờ', running: 'đang chạy', done: 'xong', failed: 'lỗi', cancelled: 'đã hủy' };
const KIND_VI: Record<string, string> = { import: 'Nhập tài liệu', ocr: 'Nhận dạng chữ (OCR)', understand: 'Đọc tiêu đề và đề xuất' };

export const jobsCommand: Command = {
  options: { limit: { type: 'string' } },
  async run(ctx) {
    const [action, rawId] = ctx.positionals;
    if (action !== undefined && action !== 'cancel' && action !== 'retry') throw new UsageError(`lệnh con không hợp lệ: ${safeText(action)} (cancel, retry)`);
    const engine = await ctx.engine();
    if (action) {
      const id = parseId(rawId);
      const value = action === 'cancel' ? { cancelled: engine.cancelJob(id) } : { retried: engine.retryJob(id) };
      if (action === 'retry') await engine.resume();
      ctx.io.out(ctx.json ? JSON.stringify(value) + '\n' : `${action === 'cancel' ? (value.cancelled ? 'Đã hủy' : 'Không hủy được (đã xong)') : `Chạy lại ${value.retried} mục`}: công việc #${id}\n`);
      return EXIT.ok;
    }
    const jobs = engine.listJobs(ctx.values.limit ? Number(ctx.values.limit) : 50);
    if (ctx.json) ctx.io.out(JSON.stringify(jobs) + '\n');
    else {
      for (const j of jobs) {
        const what = j.documents.map((d) => d.fileName).concat(j.files).slice(0, 2).map(safeText).join(', ');
        ctx.io.out(`#${j.id}\t${KIND_VI[j.kind] ?? j.kind}\t${STATE_VI[j.state]}\t${j.done}/${j.total}${j.counts.cancelled ? ` (hủy ${j.counts.cancelled})` : ''}\t${what}\n`);
      }
    }
    return EXIT.ok;
  },
};

export const confirmCommand: Command = {
  options: { fields: { type: 'string' }, reviewer: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('confirm cần đúng một ID');
    const id = parseId(ctx.positionals[0]);
    const reviewer = str(ctx, 'reviewer')?.trim();
    if (!reviewer) throw new UsageError('thiếu --reviewer');
    const fields = str(ctx, 'fields')?.split(',').map((f) => f.trim()).filter(Boolean);
    if (fields && !fields.every((f) => (HEADER_KEYS as readonly string[]).includes(f))) throw new UsageError(`--fields: ${HEADER_KEYS.join(', ')}`);
    const engine = await ctx.engine();
    const before = engine.get(id).headerFields.filter((f) => f.needsCheck).map((f) => f.key);
    const detail = engine.confirmHeader(id, reviewer, fields as HeaderKey[] | undefined);
    const remaining = detail.headerFields.filter((f) => f.needsCheck).map((f) => f.key);
    const confirmed = before.filter((k) => !remaining.includes(k));
    if (ctx.json) ctx.io.out(JSON.stringify({ id, confirmed, needsCheck: remaining }) + '\n');
    else ctx.io.out(`#${id}: đã xác nhận ${confirmed.join(', ') || 'không có trường nào'}; còn cần kiểm tra: ${remaining.join(', ') || 'không'}\n`);
    return EXIT.ok;
  },
};
