import { ACCESS_CLASSES, type AccessClass } from '../../../shared/domain/access';
import { EXIT, safeText, UsageError } from '../output';
import type { Command, CommandContext } from './index';
import { parseId } from './documentCommands';

const ACCESS_VI: Record<string, string> = { public: 'công khai', conditional: 'có điều kiện', secret: 'không được tiếp cận' };

function targets(ctx: CommandContext): number[] | 'all' {
  if (ctx.values.all) {
    if (ctx.positionals.length > 0) throw new UsageError('dùng --all hoặc danh sách ID, không dùng cả hai');
    return 'all';
  }
  if (ctx.positionals.length === 0) throw new UsageError('cần ID tài liệu hoặc --all');
  return ctx.positionals.map(parseId);
}

function parseAccess(raw: unknown, option: string): AccessClass {
  if (typeof raw !== 'string' || !(ACCESS_CLASSES as readonly string[]).includes(raw)) {
    throw new UsageError(`${option} phải là public, conditional hoặc secret`);
  }
  return raw as AccessClass;
}

function requireString(ctx: CommandContext, name: string): string {
  const v = ctx.values[name];
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`thiếu --${name}`);
  return v;
}

export const extractCommand: Command = {
  options: { all: { type: 'boolean', default: false }, actor: { type: 'string' } },
  async run(ctx) {
    const ids = targets(ctx);
    const engine = await ctx.engine();
    const results = engine.extract(ids, typeof ctx.values.actor === 'string' ? ctx.values.actor : undefined);
    for (const r of results) {
      if (ctx.json) ctx.io.out(JSON.stringify(r) + '\n');
      else if ('error' in r) ctx.io.out(`#${r.id}\tlỗi [${r.error.code}]: ${r.error.message}\n`);
      else ctx.io.out(`#${r.id}\t${safeText(r.header.numberNotation ?? '—')}\t${safeText(r.header.docType ?? '—')}\t${r.findings} dấu hiệu\n`);
    }
    return EXIT.ok;
  },
};

export const suggestCommand: Command = {
  options: { all: { type: 'boolean', default: false }, actor: { type: 'string' } },
  async run(ctx) {
    const ids = targets(ctx);
    const engine = await ctx.engine();
    // The model first learns the decisions approved since it last did (the app does this after each decision).
    await engine.updateModel();
    const results = engine.suggest(ids, typeof ctx.values.actor === 'string' ? ctx.values.actor : undefined);
    for (const r of results) {
      if (ctx.json) ctx.io.out(JSON.stringify(r) + '\n');
      else if ('error' in r) ctx.io.out(`#${r.id}\tlỗi [${r.error.code}]: ${r.error.message}\n`);
      else {
        const by = r.source === 'model' ? ` (theo các quyết định trước đây của cơ quan, độ tin cậy ${Math.round((r.confidence ?? 0) * 100)} %)` : r.source === 'rules' ? ' (theo quy định)' : '';
        ctx.io.out(`#${r.id}\t${r.class ? ACCESS_VI[r.class] : 'cần xem xét'}\t${r.basis ?? '—'}${r.basis ? `, phiên bản ${r.basisVersion}` : ''}${by}\n`);
        for (const reason of r.reasons) ctx.io.out(`    tr. ${reason.page} [${reason.rule}] ${safeText(reason.text)}${reason.explanation ? ` — ${safeText(reason.explanation)}` : ''}\n`);
      }
    }
    return EXIT.ok;
  },
};

export const reviewCommand: Command = {
  options: {
    access: { type: 'string' },
    basis: { type: 'string' },
    'basis-version': { type: 'string' },
    reviewer: { type: 'string' },
    note: { type: 'string' },
    draft: { type: 'boolean', default: false },
    'approve-suggestions': { type: 'boolean', default: false },
    type: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    undo: { type: 'boolean', default: false },
    title: { type: 'string' },
    partial: { type: 'boolean', default: false },
  },
  async run(ctx) {
    const reviewer = requireString(ctx, 'reviewer');
    if (ctx.values.undo) {
      if (ctx.positionals.length > 0) throw new UsageError('--undo không nhận ID: hoàn tác quyết định gần nhất của người thẩm định');
      const items = (await ctx.engine()).undoDecision(reviewer);
      if (ctx.json) ctx.io.out(JSON.stringify({ undone: items }) + '\n');
      else
        for (const i of items)
          ctx.io.out(`#${i.documentId}: đã hoàn tác quyết định #${i.undone} — ${i.restored ? `trở lại ${ACCESS_VI[i.restored.class]} (${i.restored.basis}), chưa phê duyệt` : 'chưa có quyết định'}\n`);
      return EXIT.ok;
    }
    if (ctx.values['approve-suggestions']) {
      if (ctx.positionals.length > 0) throw new UsageError('--approve-suggestions không nhận ID; lọc bằng --access, --type');
      const filter = {
        ...(ctx.values.access !== undefined ? { access: parseAccess(ctx.values.access, '--access') } : {}),
        ...(typeof ctx.values.type === 'string' ? { docType: ctx.values.type } : {}),
      };
      const engine = await ctx.engine();
      const dryRun = Boolean(ctx.values['dry-run']);
      const items = dryRun ? engine.planApproval(filter) : engine.approveSuggestions(filter, reviewer);
      if (ctx.json) ctx.io.out(JSON.stringify({ dryRun, approved: dryRun ? 0 : items.length, documents: items }) + '\n');
      else {
        for (const i of items) {
          ctx.io.out(`#${i.id}\t${i.from ? ACCESS_VI[i.from] : 'chưa phân loại'} → ${ACCESS_VI[i.to]}\t${i.basis}\t${safeText(i.title)}\n`);
          if (i.publishedTitle !== null && i.publishedTitle !== i.title) ctx.io.out(`    tên công bố: ${safeText(i.publishedTitle)}\n`);
        }
        ctx.io.err(dryRun ? `${items.length} tài liệu sẽ được phê duyệt theo đề xuất (chạy thử, chưa ghi).\n` : `Đã phê duyệt ${items.length} tài liệu theo đề xuất.\n`);
      }
      return EXIT.ok;
    }
    if (ctx.positionals.length !== 1) throw new UsageError('review cần đúng một ID (hoặc --approve-suggestions)');
    const id = parseId(ctx.positionals[0]);
    const access = parseAccess(ctx.values.access, '--access');
    const basis = requireString(ctx, 'basis');
    const engine = await ctx.engine();
    const title = typeof ctx.values.title === 'string' ? ctx.values.title : undefined;
    if (ctx.values['dry-run']) {
      // What would be published, before anything is recorded.
      const view = engine.publishedTitle(id);
      const shown = access === 'secret' ? null : (title?.trim() || view.proposed);
      if (ctx.json) ctx.io.out(JSON.stringify({ id, dryRun: true, class: access, basis, publishedTitle: shown, headerTitle: view.headerTitle, masked: view.findings.length }) + '\n');
      else ctx.io.out(`#${id} (chạy thử, chưa ghi): ${ACCESS_VI[access]} (${basis})\n  tên công bố: ${shown === null ? '— (không công bố)' : safeText(shown)}\n`);
      return EXIT.ok;
    }
    const decision = engine.decide({
      documentId: id,
      access,
      basis,
      ...(typeof ctx.values['basis-version'] === 'string' ? { basisVersion: ctx.values['basis-version'] } : {}),
      reviewer,
      note: typeof ctx.values.note === 'string' ? ctx.values.note : null,
      approve: !ctx.values.draft,
      ...(title !== undefined ? { publishedTitle: title } : {}),
      ...(ctx.values.partial ? { partial: true } : {}),
    });
    const out = {
      id,
      decision: decision.id,
      class: decision.access_class,
      basis: decision.basis_id,
      basisVersion: decision.basis_version,
      reviewer: decision.reviewer,
      at: decision.decided_at,
      note: decision.note,
      approved: decision.approved === 1,
      supersedes: decision.supersedes,
      publishedTitle: decision.published_title,
      partial: decision.partial === 1,
    };
    if (ctx.json) ctx.io.out(JSON.stringify(out) + '\n');
    else {
      ctx.io.out(`#${id}: ${ACCESS_VI[out.class]}${out.partial ? ' một phần (che các vùng đã chấp nhận)' : ''} (${out.basis}, phiên bản ${out.basisVersion}) — ${out.approved ? 'đã phê duyệt' : 'đã xem xét'}\n`);
      if (out.publishedTitle) ctx.io.out(`  tên công bố: ${safeText(out.publishedTitle)}\n`);
    }
    return EXIT.ok;
  },
};

export const auditCommand: Command = {
  options: { document: { type: 'string' } },
  async run(ctx) {
    const sub = ctx.positionals[0];
    if (sub !== undefined && sub !== 'verify') throw new UsageError(`lệnh con không hợp lệ: ${safeText(sub)} (chỉ có: verify)`);
    const engine = await ctx.engine();
    if (sub === 'verify') {
      const report = engine.verifyAudit();
      if (ctx.json) ctx.io.out(JSON.stringify(report) + '\n');
      else if (report.ok) ctx.io.out(`Nhật ký kiểm toán toàn vẹn: ${report.checked} sự kiện.\n`);
      else ctx.io.out(`Nhật ký kiểm toán BỊ SỬA: sự kiện #${report.firstBroken!.seq} (${report.firstBroken!.reason}).\n`);
      return report.ok ? EXIT.ok : EXIT.failure;
    }
    const documentId = typeof ctx.values.document === 'string' ? parseId(ctx.values.document) : undefined;
    const events = engine.auditLog(documentId).map((e) => ({ ...e, payload: JSON.parse(e.payload) as unknown }));
    if (ctx.json) ctx.io.out(JSON.stringify(events) + '\n');
    else for (const e of events) ctx.io.out(`${e.seq}\t${e.at}\t${safeText(e.actor)}\t${e.action}\t${e.document_id ?? ''}\n`);
    return EXIT.ok;
  },
};
