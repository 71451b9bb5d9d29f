import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ANSWER_OUTCOMES,
  FEE_KINDS,
  NOTICE_KINDS,
  REQUEST_CHANNELS,
  type Fee,
  type RequestSummary,
} from '../../../shared/contract/requests';
import { EXIT, safeText, UsageError } from '../output';
import type { Command, CommandContext } from './index';
import { parseId } from './documentCommands';

/** `minhbach request …` and `minhbach consent …`: the request register from scripts. JSON shapes
 *  are documented in electron/engine/requests/README.md (later tools depend on them). */

const DUE_VI: Record<RequestSummary['dueState'], string> = {
  ok: 'trong hạn',
  near: 'SẮP ĐẾN HẠN',
  overdue: 'QUÁ HẠN',
  closed: 'đã xong',
};
const STATUS_VI: Record<RequestSummary['status'], string> = {
  received: 'mới nhận',
  in_progress: 'đang giải quyết',
  answered: 'đã cung cấp',
  partly_answered: 'cung cấp một phần',
  refused: 'từ chối',
  withdrawn: 'đã rút',
};
const vi = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '—');

function str(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function need(ctx: CommandContext, name: string): string {
  const v = str(ctx, name);
  if (!v) throw new UsageError(`thiếu --${name}`);
  return v;
}

function date(ctx: CommandContext, name: string): string | undefined {
  const v = str(ctx, name);
  if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v))
    throw new UsageError(`--${name} phải có dạng YYYY-MM-DD`);
  return v;
}

function ids(raw: string | undefined): number[] {
  return raw ? raw.split(',').filter(Boolean).map(parseId) : [];
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${option} phải là ${allowed.join('|')}`);
  return value as T;
}

function fees(raw: string | undefined): Fee[] {
  if (!raw) return [];
  return raw.split(',').map((part) => {
    const m = /^([a-z]+)=(\d+)$/.exec(part.trim());
    if (!m) throw new UsageError('--fees có dạng loại=số_tiền,… (print, copy, photo, postage, fax)');
    return { kind: oneOf(m[1]!, FEE_KINDS, '--fees'), amount: Number(m[2]) };
  });
}

const REQUEST_OPTIONS = {
  received: { type: 'string' },
  channel: { type: 'string' },
  requester: { type: 'string' },
  contact: { type: 'string' },
  'id-number': { type: 'string' },
  organisation: { type: 'boolean', default: false },
  subject: { type: 'string' },
  complex: { type: 'boolean', default: false },
  assignee: { type: 'string' },
  documents: { type: 'string' },
  overdue: { type: 'boolean', default: false },
  near: { type: 'boolean', default: false },
  open: { type: 'boolean', default: false },
  year: { type: 'string' },
  outcome: { type: 'string' },
  basis: { type: 'string' },
  reviewer: { type: 'string' },
  note: { type: 'string' },
  fees: { type: 'string' },
  date: { type: 'string' },
  reason: { type: 'string' },
  kind: { type: 'string' },
  days: { type: 'string' },
  out: { type: 'string' },
  xlsx: { type: 'string' },
  pdf: { type: 'string' },
} as const;

function printSummary(ctx: CommandContext, r: RequestSummary): void {
  ctx.io.out(
    `#${r.id}\t${vi(r.receivedDate)}\t${r.channel}\t${STATUS_VI[r.status]}\thạn ${vi(r.dueDate)} (${DUE_VI[r.dueState]})\t${safeText(r.subject)}\n`,
  );
}

function year(ctx: CommandContext): number {
  const y = Number(need(ctx, 'year'));
  if (!Number.isInteger(y) || y < 1990 || y > 2199)
    throw new UsageError('--year phải là một năm, ví dụ 2026');
  return y;
}

async function requestAdd(ctx: CommandContext): Promise<number> {
  const engine = await ctx.engine();
  const r = engine.requests.add({
    receivedDate: date(ctx, 'received') ?? need(ctx, 'received'),
    channel: oneOf(need(ctx, 'channel'), REQUEST_CHANNELS, '--channel'),
    requesterKind: ctx.values.organisation ? 'organisation' : 'citizen',
    requesterName: need(ctx, 'requester'),
    ...(str(ctx, 'contact') ? { requesterContact: str(ctx, 'contact') } : {}),
    ...(str(ctx, 'id-number') ? { requesterIdNumber: str(ctx, 'id-number') } : {}),
    subject: need(ctx, 'subject'),
    complex: Boolean(ctx.values.complex),
    ...(str(ctx, 'assignee') ? { assignee: str(ctx, 'assignee') } : {}),
    documentIds: ids(str(ctx, 'documents')),
  });
  if (ctx.json) ctx.io.out(JSON.stringify({ id: r.id, dueDate: r.dueDate }) + '\n');
  else ctx.io.out(`Đã vào sổ yêu cầu số ${r.id}; hạn giải quyết: ${vi(r.dueDate)} (${r.limitCitation}).\n`);
  return EXIT.ok;
}

async function requestList(ctx: CommandContext): Promise<number> {
  const engine = await ctx.engine();
  const due = ctx.values.overdue
    ? 'overdue'
    : ctx.values.near
      ? 'near'
      : ctx.values.open
        ? 'open'
        : undefined;
  const y = str(ctx, 'year');
  const { items, counts } = engine.requests.list({
    ...(due ? { due } : {}),
    ...(y ? { year: year(ctx) } : {}),
    limit: 5000,
  });
  if (ctx.json) ctx.io.out(JSON.stringify(items) + '\n');
  else {
    for (const r of items) printSummary(ctx, r);
    ctx.io.err(
      `${items.length} yêu cầu; đang mở ${counts.open}, sắp đến hạn ${counts.near}, quá hạn ${counts.overdue}.\n`,
    );
  }
  return EXIT.ok;
}

async function requestShow(ctx: CommandContext, id: number): Promise<number> {
  const engine = await ctx.engine();
  const r = engine.requests.get(id);
  if (ctx.json) ctx.io.out(JSON.stringify(r) + '\n');
  else {
    printSummary(ctx, r);
    for (const d of r.documents)
      ctx.io.out(
        `  tài liệu #${d.id}\t${d.provided ? 'đã cung cấp' : d.check.providable ? 'được cung cấp' : 'KHÔNG được cung cấp'}\t${safeText(d.title)}${d.check.reason ? `\t${d.check.reason}` : ''}\n`,
      );
  }
  return EXIT.ok;
}

async function requestAnswer(ctx: CommandContext, id: number): Promise<number> {
  const engine = await ctx.engine();
  const r = engine.requests.answer(
    {
      id,
      outcome: oneOf(need(ctx, 'outcome'), ANSWER_OUTCOMES, '--outcome'),
      bases: (str(ctx, 'basis') ?? '')
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
      documentIds: ids(str(ctx, 'documents')),
      ...(str(ctx, 'note') ? { note: str(ctx, 'note') } : {}),
      fees: fees(str(ctx, 'fees')),
      ...(date(ctx, 'date') ? { answeredDate: date(ctx, 'date') } : {}),
    },
    need(ctx, 'reviewer'),
  );
  const onTime = r.answeredDate !== null && r.answeredDate <= r.dueDate;
  if (ctx.json)
    ctx.io.out(
      JSON.stringify({
        id: r.id,
        status: r.status,
        answeredDate: r.answeredDate,
        dueDate: r.dueDate,
        onTime,
        provided: r.documents.filter((d) => d.provided).map((d) => d.id),
      }) + '\n',
    );
  else
    ctx.io.out(
      `Yêu cầu số ${r.id}: ${STATUS_VI[r.status]} ngày ${vi(r.answeredDate)} (${onTime ? 'đúng hạn' : 'quá hạn'}).\n`,
    );
  return EXIT.ok;
}

async function requestNotice(ctx: CommandContext, id: number): Promise<number> {
  const kind = oneOf(need(ctx, 'kind'), NOTICE_KINDS, '--kind');
  const out = need(ctx, 'out');
  const engine = await ctx.engine();
  const n = await engine.requests.notice(id, kind);
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.pdf' && ext !== '.docx') throw new UsageError('--out phải là tệp .pdf hoặc .docx');
  await writeFile(out, ext === '.pdf' ? n.pdf : n.docx);
  if (ctx.json) ctx.io.out(JSON.stringify({ id, kind, out }) + '\n');
  else ctx.io.out(`Đã tạo ${out}\n`);
  return EXIT.ok;
}

async function requestFiles(ctx: CommandContext, id: number): Promise<number> {
  const dir = need(ctx, 'out');
  const engine = await ctx.engine();
  const r = engine.requests.get(id);
  const written: string[] = [];
  for (const d of r.documents.filter((x) => x.provided)) {
    const f = await engine.requests.providedFile(id, d.id);
    const target = path.join(dir, f.fileName);
    await writeFile(target, f.bytes);
    written.push(target);
  }
  if (ctx.json) ctx.io.out(JSON.stringify({ id, files: written }) + '\n');
  else for (const w of written) ctx.io.out(`${w}\n`);
  return EXIT.ok;
}

async function requestStats(ctx: CommandContext): Promise<number> {
  const y = year(ctx);
  const engine = await ctx.engine();
  const s = engine.requests.statistics(y);
  for (const [option, format] of [
    ['xlsx', 'xlsx'],
    ['pdf', 'pdf'],
  ] as const) {
    const out = str(ctx, option);
    if (out) await writeFile(out, (await engine.requests.statisticsReport(y, format)).bytes);
  }
  if (ctx.json) ctx.io.out(JSON.stringify(s) + '\n');
  else {
    ctx.io.out(
      `Năm ${y}: ${s.received} yêu cầu; đúng hạn ${s.onTime}, quá hạn ${s.late}; đã cung cấp ${s.byOutcome.answered}, một phần ${s.byOutcome.partlyAnswered}, từ chối ${s.byOutcome.refused}, rút ${s.byOutcome.withdrawn}, đang giải quyết ${s.byOutcome.open}.\n`,
    );
    for (const c of s.byChannel.filter((x) => x.count > 0)) ctx.io.out(`  ${c.channel}\t${c.count}\n`);
    for (const g of s.refusedByGround) ctx.io.out(`  từ chối ${g.code}\t${g.count}\n`);
    ctx.io.out(`  chi phí thu\t${s.fees.total} đồng\n  công khai chủ động\t${s.disclosed.total} tài liệu\n`);
  }
  return EXIT.ok;
}

export const requestCommand: Command = {
  options: REQUEST_OPTIONS,
  async run(ctx) {
    const [sub, rawId, ...extra] = ctx.positionals;
    if (extra.length > 0) throw new UsageError('thừa đối số');
    switch (sub) {
      case 'add':
        return requestAdd(ctx);
      case 'list':
        return requestList(ctx);
      case 'stats':
        return requestStats(ctx);
      case 'show':
        return requestShow(ctx, parseId(rawId));
      case 'answer':
        return requestAnswer(ctx, parseId(rawId));
      case 'notice':
        return requestNotice(ctx, parseId(rawId));
      case 'files':
        return requestFiles(ctx, parseId(rawId));
      case 'link': {
        const engine = await ctx.engine();
        const r = engine.requests.update({
          id: parseId(rawId),
          linkDocumentIds: ids(need(ctx, 'documents')),
        });
        ctx.io.out(
          ctx.json
            ? JSON.stringify({ id: r.id, documents: r.documents.map((d) => d.id) }) + '\n'
            : `Yêu cầu số ${r.id}: ${r.documents.length} tài liệu liên quan.\n`,
        );
        return EXIT.ok;
      }
      case 'extend': {
        const engine = await ctx.engine();
        const r = engine.requests.extend(parseId(rawId), need(ctx, 'reason'));
        ctx.io.out(
          ctx.json
            ? JSON.stringify({ id: r.id, dueDate: r.dueDate }) + '\n'
            : `Yêu cầu số ${r.id} gia hạn đến ${vi(r.dueDate)}.\n`,
        );
        return EXIT.ok;
      }
      case 'withdraw': {
        const engine = await ctx.engine();
        const r = engine.requests.withdraw(parseId(rawId), str(ctx, 'note'));
        ctx.io.out(
          ctx.json ? JSON.stringify({ id: r.id, status: r.status }) + '\n' : `Yêu cầu số ${r.id} đã rút.\n`,
        );
        return EXIT.ok;
      }
      case 'due': {
        // Working-day arithmetic on the archive's calendar: `request due 2026-02-12 --days 5`.
        const engine = await ctx.engine();
        const from = /^\d{4}-\d{2}-\d{2}$/.test(rawId ?? '') ? rawId! : '';
        if (!from) throw new UsageError('request due cần ngày YYYY-MM-DD');
        const days = Number(need(ctx, 'days'));
        if (!Number.isInteger(days) || days < 0 || days > 365)
          throw new UsageError('--days là số ngày làm việc');
        const due = engine.requests.addWorkingDays(from, days);
        ctx.io.out(ctx.json ? JSON.stringify({ from, days, dueDate: due }) + '\n' : `${vi(due)}\n`);
        return EXIT.ok;
      }
      default:
        throw new UsageError(
          'request cần lệnh con: add, list, show, answer, extend, withdraw, link, notice, files, stats',
        );
    }
  },
};

export const consentCommand: Command = {
  options: {
    document: { type: 'string' },
    person: { type: 'string' },
    business: { type: 'boolean', default: false },
    scope: { type: 'string' },
    date: { type: 'string' },
    until: { type: 'string' },
    file: { type: 'string' },
  },
  async run(ctx) {
    const [sub, rawId] = ctx.positionals;
    const engine = await ctx.engine();
    if (sub === 'add') {
      const c = await engine.requests.addConsent({
        documentIds: ids(need(ctx, 'document')),
        personName: need(ctx, 'person'),
        personKind: ctx.values.business ? 'business' : 'person',
        scope: need(ctx, 'scope'),
        givenDate: date(ctx, 'date') ?? new Date().toISOString().slice(0, 10),
        validUntil: date(ctx, 'until') ?? null,
        ...(str(ctx, 'file')
          ? { scanFile: path.resolve(str(ctx, 'file')!), scanName: path.basename(str(ctx, 'file')!) }
          : {}),
      });
      ctx.io.out(
        ctx.json
          ? JSON.stringify({
              id: c.id,
              documents: c.documents.map((d) => d.id),
              validUntil: c.validUntil,
              scan: c.hasScan,
            }) + '\n'
          : `Đã ghi văn bản đồng ý số ${c.id}.\n`,
      );
      return EXIT.ok;
    }
    if (sub === 'list') {
      const doc = str(ctx, 'document');
      const items = engine.requests.consents(doc ? parseId(doc) : undefined);
      if (ctx.json) ctx.io.out(JSON.stringify(items) + '\n');
      else
        for (const c of items)
          ctx.io.out(
            `#${c.id}\t${c.valid ? 'còn hiệu lực' : 'hết hiệu lực'}\t${vi(c.givenDate)}–${vi(c.validUntil)}\ttài liệu ${c.documents.map((d) => d.id).join(',')}\n`,
          );
      return EXIT.ok;
    }
    if (sub === 'revoke') {
      const c = engine.requests.revokeConsent(parseId(rawId), date(ctx, 'date'));
      ctx.io.out(
        ctx.json
          ? JSON.stringify({ id: c.id, revokedDate: c.revokedDate }) + '\n'
          : `Văn bản đồng ý số ${c.id} đã bị rút lại.\n`,
      );
      return EXIT.ok;
    }
    throw new UsageError('consent cần lệnh con: add, list, revoke');
  },
};
