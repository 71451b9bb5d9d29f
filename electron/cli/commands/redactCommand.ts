import type { RedactionView } from '../../engine/redaction/index';
import type { RegionState } from '../../engine/redaction/regions';
import { EXIT, safeText, UsageError } from '../output';
import { parseId } from './documentCommands';
import type { Command, CommandContext } from './index';

const STATE_VI: Record<RegionState, string> = { proposed: 'đề xuất', accepted: 'che', removed: 'bỏ' };

function ids(raw: unknown, option: string): number[] | 'all' {
  if (typeof raw !== 'string' || !raw.trim()) throw new UsageError(`--${option} cần danh sách số vùng che (1,2,3) hoặc all`);
  if (raw.trim() === 'all') return 'all';
  return raw.split(',').map((x) => parseId(x.trim()));
}

/** "2:0.1,0.2,0.3,0.04" → page 2 and a box in fractions of the page image. */
function parseBox(raw: string): { page: number; box: { x: number; y: number; w: number; h: number } } {
  const m = /^(\d+):([\d.]+),([\d.]+),([\d.]+),([\d.]+)$/.exec(raw.trim());
  const n = m ? m.slice(2).map(Number) : [];
  if (!m || n.some((v) => !(v >= 0 && v <= 1))) throw new UsageError(`--box phải có dạng TRANG:x,y,rộng,cao (phân số 0–1 của ảnh trang), không phải ${safeText(raw)}`);
  return { page: Number(m[1]), box: { x: n[0]!, y: n[1]!, w: n[2]!, h: n[3]! } };
}

/** "1:120-135" → page 1, offsets [120, 135) of its text. */
function parseSpan(raw: string): { page: number; start: number; end: number } {
  const m = /^(\d+):(\d+)-(\d+)$/.exec(raw.trim());
  if (!m) throw new UsageError(`--text phải có dạng TRANG:ĐẦU-CUỐI (vị trí ký tự trong chữ của trang), không phải ${safeText(raw)}`);
  return { page: Number(m[1]), start: Number(m[2]), end: Number(m[3]) };
}

function print(ctx: CommandContext, view: RedactionView): void {
  for (const r of view.regions) {
    const where = r.boxes.length === 0 ? ' (chưa xác định vị trí — cần vẽ)' : '';
    ctx.io.out(`#${r.id}\ttr. ${r.page}\t${STATE_VI[r.state]}\t${r.label}\t${r.category}\t${r.text ? safeText(r.text) : '—'}${where}\n`);
  }
  const s = view.summary;
  ctx.io.err(`${s.accepted} vùng che, ${s.proposed} đề xuất chưa quyết định${s.unlocated ? ` (${s.unlocated} chưa xác định vị trí)` : ''}, ${s.removed} đã bỏ.\n`);
}

/** `minhbach redact ID --reviewer NAME [--auto] [--accept …] [--remove …] [--box …] [--text …] [--build]` */
export const redactCommand: Command = {
  options: {
    reviewer: { type: 'string' },
    auto: { type: 'boolean', default: false },
    accept: { type: 'string' },
    remove: { type: 'string' },
    reopen: { type: 'string' },
    box: { type: 'string', multiple: true },
    text: { type: 'string', multiple: true },
    ground: { type: 'string' },
    build: { type: 'boolean', default: false },
  },
  async run(ctx) {
    if (ctx.positionals.length !== 1) throw new UsageError('redact cần đúng một ID tài liệu');
    const id = parseId(ctx.positionals[0]);
    const reviewer = ctx.values.reviewer;
    if (typeof reviewer !== 'string' || !reviewer.trim()) throw new UsageError('thiếu --reviewer');
    const ground = typeof ctx.values.ground === 'string' ? ctx.values.ground : null;
    const engine = await ctx.engine();
    const service = engine.redaction;
    engine.get(id);
    // Every finding not proposed yet becomes a proposal (a no-op when they all are).
    let view = await service.propose(id, reviewer);
    const apply = (option: string, state: RegionState) => {
      const raw = ctx.values[option];
      if (raw === undefined) return;
      const list = ids(raw, option);
      view = list === 'all' && state === 'accepted' ? service.acceptAll(id, reviewer) : service.setState(id, list === 'all' ? view.regions.map((r) => r.id) : list, state, reviewer);
    };
    if (ctx.values.auto) view = service.acceptAll(id, reviewer);
    apply('accept', 'accepted');
    apply('remove', 'removed');
    apply('reopen', 'proposed');
    for (const raw of (ctx.values.box as unknown as string[] | undefined) ?? []) {
      const { page, box } = parseBox(raw);
      view = await service.draw(id, page, box, reviewer, ground);
    }
    for (const raw of (ctx.values.text as unknown as string[] | undefined) ?? []) {
      const { page, start, end } = parseSpan(raw);
      view = await service.fromText(id, page, start, end, reviewer, ground);
    }
    let built: { sha256: string; pages: number; seconds: number; built: boolean } | null = null;
    if (ctx.values.build || ctx.values.auto) {
      if (view.summary.proposed > 0) {
        ctx.io.err(`Chưa tạo bản che: còn ${view.summary.proposed} vùng che đề xuất chưa quyết định.\n`);
      } else if (view.summary.accepted > 0) {
        const file = await service.build(id);
        built = { sha256: file.sha256, pages: file.pageTexts.length, seconds: Math.round(file.seconds * 10) / 10, built: file.built };
        view = service.view(id);
      }
    }
    if (ctx.json) ctx.io.out(JSON.stringify({ ...view, redacted: built }) + '\n');
    else {
      print(ctx, view);
      if (built) ctx.io.err(`Bản che (${built.pages} trang): ${built.built ? `đã tạo trong ${built.seconds} giây` : 'đã có sẵn'}; xuất bằng: minhbach pdf ${id} --redacted --out TỆP\n`);
    }
    return EXIT.ok;
  },
};
