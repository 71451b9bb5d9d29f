import { writeFile } from 'node:fs/promises';
import { COLOUR_MODES, PAGE_SIZES, SCAN_SOURCES, SPLIT_MODES, ScanSettings, type BatchView } from '../../../shared/contract/scanning';
import { AppError } from '../../../shared/domain/errors';
import { findProfile } from '../../engine/scanning/profiles';
import type { Engine } from '../../engine/index';
import { EXIT, safeText, UsageError } from '../output';
import type { Command, CommandContext } from './index';

function choice<T extends string>(name: string, value: string | boolean | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} phải là một trong: ${allowed.join(', ')}`);
  return value as T;
}

/** Profile (if named) overlaid with the options given on the command line. */
function settingsFrom(ctx: CommandContext, engine: Engine): ScanSettings {
  const v = ctx.values;
  const profileName = v.profile as string | undefined;
  const profile = profileName ? findProfile(engine.db, profileName) : null;
  if (profileName && !profile) throw new UsageError(`không có hồ sơ quét “${profileName}”`);
  const dpi = v.dpi !== undefined ? Number(v.dpi) : undefined;
  if (dpi !== undefined && !Number.isInteger(dpi)) throw new UsageError('--dpi phải là số nguyên');
  const backendOptions: Record<string, string> = { ...(profile?.backendOptions ?? {}) };
  for (const pair of (v.option as unknown as string[] | undefined) ?? []) {
    const m = /^([a-z][a-z0-9-]*)=(.*)$/.exec(pair);
    if (!m) throw new UsageError(`--option cần dạng TÊN=GIÁ_TRỊ: ${pair}`);
    backendOptions[m[1]!] = m[2]!;
  }
  const given = {
    ...(typeof v.device === 'string' ? { device: v.device } : {}),
    ...(v.source !== undefined ? { source: choice('source', v.source, SCAN_SOURCES) } : {}),
    ...(v.duplex ? { duplex: true } : {}),
    ...(dpi !== undefined ? { dpi } : {}),
    ...(v.colour !== undefined ? { colour: choice('colour', v.colour, COLOUR_MODES) } : {}),
    ...(v['page-size'] !== undefined ? { pageSize: choice('page-size', v['page-size'], PAGE_SIZES) } : {}),
    ...(v.split !== undefined ? { split: choice('split', v.split, SPLIT_MODES) } : {}),
    ...(v['keep-blank'] ? { removeBlank: false } : {}),
  };
  const parsed = ScanSettings.safeParse({ ...(profile ?? {}), ...given, backendOptions });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

function describePlan(view: BatchView): string {
  const blank = view.plan.dropped.filter((d) => d.reason === 'blank').length;
  const separators = view.plan.dropped.filter((d) => d.reason === 'separator').length;
  return `${view.pages.length} trang: ${view.plan.documents.length} tài liệu, bỏ ${blank} trang trắng, ${separators} trang phân cách`;
}

async function archive(ctx: CommandContext, engine: Engine, batchId: string): Promise<number> {
  const { view, processing } = await engine.scanning.archive(batchId, { process: !ctx.values['no-ocr'] });
  for (const r of view.results) {
    const reason = r.error ? ` — ${r.error.message} [${r.error.code}]` : '';
    ctx.io.err(`${r.status === 'imported' ? 'đã lưu' : r.status === 'duplicate' ? 'đã có trong kho' : 'bị từ chối'}${r.id !== undefined ? ` #${r.id}` : ''}: ${safeText(r.fileName)} (${r.pages ?? 0} trang)${reason}\n`);
  }
  if (!ctx.values['no-ocr']) {
    ctx.io.err('Đang nhận dạng chữ (OCR), đọc thể thức và đề xuất phân loại…\n');
    await processing;
  }
  if (ctx.json) ctx.io.out(JSON.stringify({ batch: view.id, documents: view.results, dropped: view.plan.dropped }) + '\n');
  return view.results.some((r) => r.status === 'rejected') ? EXIT.failure : EXIT.ok;
}

async function scanInto(ctx: CommandContext, engine: Engine, batchId: string | undefined): Promise<number> {
  const existing = batchId ? await engine.scanning.view(batchId) : null;
  const settings = existing && !ctx.values.device && !ctx.values.profile ? existing.settings : settingsFrom(ctx, engine);
  const started = await engine.scanning.start(settings, batchId);
  const id = started.id;
  ctx.io.err(`Đang quét vào lô ${id} (${safeText(started.device ?? '')})…\n`);
  const stop = () => void engine.scanning.cancel(id);
  process.once('SIGINT', stop);
  let lastPage = 0;
  const timer = setInterval(() => {
    void engine.scanning.view(id).then((v) => {
      if (v.progress && v.progress.page !== lastPage) {
        lastPage = v.progress.page;
        if (lastPage > 1) ctx.io.err(`  đã quét ${lastPage - 1} trang\n`);
      }
    }, () => undefined);
  }, 500);
  let view: BatchView;
  try {
    view = await engine.scanning.whenIdle(id);
  } finally {
    clearInterval(timer);
    process.off('SIGINT', stop);
  }
  ctx.io.err(`Lô ${id}: ${describePlan(view)}.\n`);
  if (view.lastError) {
    // The pages scanned so far stay in the batch: scan on into it, or archive what is there.
    ctx.io.err(`Lỗi [${view.lastError.code}]: ${view.lastError.message}\n`);
    ctx.io.err(`Quét tiếp vào lô này: minhbach scan --batch ${id}   Lưu các trang đã quét: minhbach scan --archive ${id}\n`);
    if (ctx.json) ctx.io.out(JSON.stringify({ batch: id, pages: view.pages.length, error: view.lastError }) + '\n');
    return EXIT.failure;
  }
  if (view.pages.length === 0) throw new AppError('SCAN_BATCH_EMPTY', id);
  return archive(ctx, engine, id);
}

export const scanCommand: Command = {
  options: {
    list: { type: 'boolean', default: false },
    device: { type: 'string' },
    source: { type: 'string' },
    duplex: { type: 'boolean', default: false },
    dpi: { type: 'string' },
    colour: { type: 'string' },
    'page-size': { type: 'string' },
    split: { type: 'string' },
    'keep-blank': { type: 'boolean', default: false },
    profile: { type: 'string' },
    option: { type: 'string', multiple: true },
    batch: { type: 'string' },
    batches: { type: 'boolean', default: false },
    archive: { type: 'string' },
    discard: { type: 'string' },
    'separator-sheet': { type: 'string' },
    'no-ocr': { type: 'boolean', default: false },
  },
  async run(ctx) {
    const v = ctx.values;
    if (typeof v['separator-sheet'] === 'string') {
      const engine = await ctx.engine();
      await writeFile(v['separator-sheet'], await engine.scanning.separatorSheet());
      ctx.io.err(`Đã ghi trang phân cách: ${safeText(v['separator-sheet'])} — in ra giấy, đặt trước mỗi tài liệu, quét với --split qr.\n`);
      return EXIT.ok;
    }
    const engine = await ctx.engine();
    if (v.list) {
      const { devices, error } = await engine.scanning.listDevices(true);
      if (ctx.json) ctx.io.out(JSON.stringify({ devices, error }) + '\n');
      else for (const d of devices) ctx.io.out(`${d.id}\t${d.vendor} ${d.model} (${d.type})\n`);
      if (error) ctx.io.err(`Lỗi [${error.code}]: ${error.message}\n`);
      else if (devices.length === 0) ctx.io.err('Không tìm thấy máy quét nào. Máy quét mạng: dùng --device escl:http://ĐỊA_CHỈ_IP\n');
      return error ? EXIT.failure : EXIT.ok;
    }
    if (v.batches) {
      const open = await engine.scanning.openBatches();
      if (ctx.json) ctx.io.out(JSON.stringify(open.map((b) => ({ id: b.id, device: b.device, pages: b.pages.length, error: b.lastError }))) + '\n');
      else for (const b of open) ctx.io.out(`${b.id}\t${safeText(b.device ?? '')}\t${b.pages.length} trang${b.lastError ? `\t${b.lastError.message}` : ''}\n`);
      return EXIT.ok;
    }
    if (typeof v.archive === 'string') return archive(ctx, engine, v.archive);
    if (typeof v.discard === 'string') {
      await engine.scanning.discard(v.discard);
      ctx.io.err(`Đã hủy lô ${safeText(v.discard)} và xóa các trang của lô.\n`);
      return EXIT.ok;
    }
    return scanInto(ctx, engine, typeof v.batch === 'string' ? v.batch : undefined);
  },
};
