/**
 * The request register: received → in progress → answered / partly answered / refused /
 * withdrawn, with the due date in working days. Every step is one transaction with its audit
 * event; audit payloads carry the request id and what changed, never the requester's data.
 */
import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';
import { appendAudit } from '../audit/auditLog';
import { AppError } from '../../../shared/domain/errors';
import {
  OPEN_STATUSES,
  type AnswerInput,
  type BasisOption,
  type DueCounts,
  type Fee,
  type NewRequest,
  type RequestDetail,
  type RequestListQuery,
  type RequestSummary,
} from '../../../shared/contract/requests';
import type { z } from 'zod';
import type {
  AnswerInput as AnswerSchema,
  NewRequest as NewSchema,
  RequestListQuery as ListSchema,
} from '../../../shared/contract/requests';
import { documentRefs } from '../catalogue/exportPlan';
import { isIsoDate, viDate } from './dates';
import { assertProvidable, providability } from './provision';
import type { RequestRules } from './requestRules';
import type { WorkingCalendar } from './workingCalendar';

/** Open requests due within this many working days are "near" (highlighted, counted). */
export const NEAR_DUE_WORKING_DAYS = 2;

export interface RegisterContext {
  db: Db;
  rules: RequestRules;
  calendar: () => WorkingCalendar;
  actor: string;
  today: () => string;
}

export interface RequestRow {
  id: number;
  received_date: string;
  channel: RequestSummary['channel'];
  requester_kind: 'citizen' | 'organisation';
  requester_name: string;
  requester_contact: string | null;
  requester_id_no: string | null;
  subject: string;
  complex: number;
  assignee: string | null;
  status: RequestSummary['status'];
  law_version: string;
  due_date: string;
  extended: number;
  extension_reason: string | null;
  answered_date: string | null;
  outcome_bases: string;
  outcome_note: string | null;
  fees: string;
  reviewer: string | null;
}

const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

export function requestRow(db: Db, id: number): RequestRow {
  const row = db.prepare('SELECT * FROM requests WHERE id = ?').get(id) as RequestRow | undefined;
  if (!row) throw new AppError('REQUEST_NOT_FOUND', `request ${id}`);
  return row;
}

function assertDate(value: string, what: string): void {
  if (!isIsoDate(value))
    throw new AppError('INVALID_INPUT', `${what} must be a date yyyy-mm-dd`, { detailVi: `Ngày không hợp lệ: ${value}.` });
}

function assertDocuments(db: Db, ids: readonly number[]): void {
  const get = db.prepare('SELECT 1 FROM documents WHERE id = ?');
  for (const id of ids)
    if (!get.get(id)) throw new AppError('NOT_FOUND', `document ${id}`, { detailVi: `Không có tài liệu #${id}.` });
}

function dueDateOf(
  ctx: RegisterContext,
  row: Pick<RequestRow, 'received_date' | 'law_version' | 'channel' | 'complex' | 'extended'>,
): string {
  const days = ctx.rules.workingDays(row.law_version, row.channel, row.complex === 1, row.extended === 1);
  return ctx.calendar().addWorkingDays(row.received_date, days);
}

function summaryOf(
  ctx: RegisterContext,
  row: RequestRow,
  cal: WorkingCalendar,
  today: string,
): RequestSummary {
  let dueState: RequestSummary['dueState'] = 'closed';
  let left: number | null = null;
  if (isOpen(row.status)) {
    left =
      row.due_date >= today
        ? cal.workingDaysBetween(today, row.due_date)
        : -cal.workingDaysBetween(row.due_date, today);
    dueState = row.due_date < today ? 'overdue' : left <= NEAR_DUE_WORKING_DAYS ? 'near' : 'ok';
  }
  return {
    id: row.id,
    receivedDate: row.received_date,
    channel: row.channel,
    requesterName: row.requester_name,
    subject: row.subject,
    assignee: row.assignee,
    status: row.status,
    dueDate: row.due_date,
    dueState,
    workingDaysLeft: left,
    extended: row.extended === 1,
    answeredDate: row.answered_date,
  };
}

function audit(
  ctx: RegisterContext,
  action: string,
  requestId: number,
  payload: Record<string, unknown> = {},
): void {
  appendAudit(ctx.db, { actor: ctx.actor, action, payload: { requestId, ...payload } });
}

function link(db: Db, requestId: number, ids: readonly number[]): void {
  const ins = db.prepare('INSERT OR IGNORE INTO request_documents (request_id, document_id) VALUES (?, ?)');
  for (const id of ids) ins.run(requestId, id);
}

export function addRequest(ctx: RegisterContext, input: z.output<typeof NewSchema>): number {
  assertDate(input.receivedDate, 'received date');
  if (input.receivedDate > ctx.today())
    throw new AppError(
      'INVALID_INPUT',
      'received date in the future',
      { detailVi: 'Ngày nhận yêu cầu không được sau ngày hôm nay.' },
    );
  assertDocuments(ctx.db, input.documentIds);
  const version = ctx.rules.versionOn(input.receivedDate);
  const complex = input.complex ? 1 : 0;
  const due = dueDateOf(ctx, {
    received_date: input.receivedDate,
    law_version: version.id,
    channel: input.channel,
    complex,
    extended: 0,
  });
  const now = nowIso();
  return ctx.db
    .transaction(() => {
      const info = ctx.db
        .prepare(
          `INSERT INTO requests (received_date, channel, requester_kind, requester_name, requester_contact, requester_id_no, subject, complex,
                               assignee, status, law_version, due_date, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?)`,
        )
        .run(
          input.receivedDate,
          input.channel,
          input.requesterKind,
          input.requesterName.normalize('NFC'),
          input.requesterContact?.normalize('NFC') || null,
          input.requesterIdNumber || null,
          input.subject.normalize('NFC'),
          complex,
          input.assignee?.normalize('NFC') || null,
          version.id,
          due,
          now,
          now,
        );
      const id = Number(info.lastInsertRowid);
      link(ctx.db, id, input.documentIds);
      audit(ctx, 'request.received', id, {
        receivedDate: input.receivedDate,
        channel: input.channel,
        lawVersion: version.id,
        dueDate: due,
        complex: input.complex,
        documents: input.documentIds,
      });
      return id;
    })
    .immediate();
}

export function listRequests(
  ctx: RegisterContext,
  query: z.output<typeof ListSchema>,
): { items: RequestSummary[]; counts: DueCounts } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.status) {
    where.push('status = ?');
    params.push(query.status);
  }
  if (query.year) {
    where.push('received_date BETWEEN ? AND ?');
    params.push(`${query.year}-01-01`, `${query.year}-12-31`);
  }
  if (query.due) where.push(`status IN ('received','in_progress')`);
  const rows = ctx.db
    .prepare(
      `SELECT * FROM requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY (status IN ('received','in_progress')) DESC, due_date, id`,
    )
    .all(...params) as RequestRow[];
  const cal = ctx.calendar();
  const today = ctx.today();
  let items = rows.map((r) => summaryOf(ctx, r, cal, today));
  if (query.due === 'near') items = items.filter((i) => i.dueState === 'near');
  if (query.due === 'overdue') items = items.filter((i) => i.dueState === 'overdue');
  if (query.due === 'attention')
    items = items.filter((i) => i.dueState === 'near' || i.dueState === 'overdue');
  return { items: items.slice(0, query.limit), counts: dueCounts(ctx) };
}

export function dueCounts(ctx: RegisterContext): DueCounts {
  const rows = ctx.db
    .prepare(`SELECT * FROM requests WHERE status IN ('received','in_progress')`)
    .all() as RequestRow[];
  const cal = ctx.calendar();
  const today = ctx.today();
  const states = rows.map((r) => summaryOf(ctx, r, cal, today).dueState);
  return {
    open: rows.length,
    near: states.filter((s) => s === 'near').length,
    overdue: states.filter((s) => s === 'overdue').length,
  };
}

function basesOf(ctx: RegisterContext, row: RequestRow): BasisOption[] {
  return (JSON.parse(row.outcome_bases) as string[]).map(
    (code) => ctx.rules.refusalBasis(row.law_version, code) ?? { code, titleVi: code, citation: code },
  );
}

export function requestDetail(ctx: RegisterContext, id: number): RequestDetail {
  const row = requestRow(ctx.db, id);
  const cal = ctx.calendar();
  const today = ctx.today();
  const version = ctx.rules.version(row.law_version);
  const docs = ctx.db
    .prepare('SELECT document_id, provided FROM request_documents WHERE request_id = ? ORDER BY document_id')
    .all(id) as { document_id: number; provided: number }[];
  const refs = documentRefs(
    ctx.db,
    docs.map((d) => d.document_id),
  );
  const access = ctx.db.prepare('SELECT access_class FROM documents WHERE id = ?');
  const checkDate = row.answered_date ?? today;
  const notices = ctx.db
    .prepare('SELECT id, kind, created_at, created_by FROM request_notices WHERE request_id = ? ORDER BY id')
    .all(id) as {
    id: number;
    kind: RequestDetail['notices'][number]['kind'];
    created_at: string;
    created_by: string;
  }[];
  const history = ctx.db
    .prepare(
      `SELECT seq, at, actor, action FROM audit WHERE action LIKE 'request.%' AND json_extract(payload, '$.requestId') = ? ORDER BY seq`,
    )
    .all(id) as RequestDetail['history'];
  return {
    ...summaryOf(ctx, row, cal, today),
    requesterKind: row.requester_kind,
    requesterContact: row.requester_contact,
    requesterIdNumber: row.requester_id_no,
    complex: row.complex === 1,
    lawVersion: row.law_version,
    lawTitle: version.title,
    limitCitation: ctx.rules.limitFor(row.law_version, row.channel).citation,
    extensionReason: row.extension_reason,
    outcomeBases: basesOf(ctx, row),
    outcomeNote: row.outcome_note,
    fees: JSON.parse(row.fees) as Fee[],
    reviewer: row.reviewer,
    documents: docs.map((d) => {
      const ref = refs.get(d.document_id);
      const p = providability(ctx.db, d.document_id, checkDate);
      return {
        id: d.document_id,
        title: ref?.title ?? `#${d.document_id}`,
        numberNotation: ref?.numberNotation ?? null,
        access:
          (access.get(d.document_id) as { access_class: RequestDocument['access'] } | undefined)
            ?.access_class ?? null,
        provided: d.provided === 1,
        check: { providable: p.providable, reason: p.reason, consentId: p.consentId },
      };
    }),
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      createdAt: n.created_at,
      createdBy: n.created_by,
    })),
    refusalBases: ctx.rules.refusalBases(row.law_version),
    history,
  };
}
type RequestDocument = RequestDetail['documents'][number];

function openRow(ctx: RegisterContext, id: number): RequestRow {
  const row = requestRow(ctx.db, id);
  if (!isOpen(row.status)) throw new AppError('REQUEST_CLOSED', `request ${id} is ${row.status}`);
  return row;
}

export interface UpdateInput {
  id: number;
  status?: 'received' | 'in_progress' | undefined;
  assignee?: string | null | undefined;
  complex?: boolean | undefined;
  linkDocumentIds?: number[] | undefined;
  unlinkDocumentIds?: number[] | undefined;
}

export function updateRequest(ctx: RegisterContext, input: UpdateInput): void {
  ctx.db
    .transaction(() => {
      const row = openRow(ctx, input.id);
      const changed: string[] = [];
      if (input.status && input.status !== row.status) {
        ctx.db.prepare('UPDATE requests SET status = ? WHERE id = ?').run(input.status, row.id);
        changed.push('status');
      }
      if (input.assignee !== undefined && (input.assignee || null) !== row.assignee) {
        ctx.db
          .prepare('UPDATE requests SET assignee = ? WHERE id = ?')
          .run(input.assignee?.normalize('NFC') || null, row.id);
        changed.push('assignee');
      }
      if (input.complex !== undefined && (input.complex ? 1 : 0) !== row.complex) {
        const complex = input.complex ? 1 : 0;
        ctx.db
          .prepare('UPDATE requests SET complex = ?, due_date = ? WHERE id = ?')
          .run(complex, dueDateOf(ctx, { ...row, complex }), row.id);
        changed.push('complex');
      }
      if (input.linkDocumentIds?.length) {
        assertDocuments(ctx.db, input.linkDocumentIds);
        link(ctx.db, row.id, input.linkDocumentIds);
        changed.push('documents');
      }
      if (input.unlinkDocumentIds?.length) {
        const del = ctx.db.prepare('DELETE FROM request_documents WHERE request_id = ? AND document_id = ?');
        for (const d of input.unlinkDocumentIds) del.run(row.id, d);
        changed.push('documents');
      }
      if (changed.length === 0) return;
      ctx.db.prepare('UPDATE requests SET updated_at = ? WHERE id = ?').run(nowIso(), row.id);
      const after = requestRow(ctx.db, row.id);
      audit(ctx, 'request.updated', row.id, {
        changed: [...new Set(changed)],
        status: after.status,
        dueDate: after.due_date,
        linked: input.linkDocumentIds ?? [],
        unlinked: input.unlinkDocumentIds ?? [],
        // The assignee is a staff member, not the requester: recorded.
        assignee: after.assignee,
      });
    })
    .immediate();
}

/** One extension, notified before the due date (the law: within the time limit). */
export function extendRequest(ctx: RegisterContext, id: number, reason: string): void {
  ctx.db
    .transaction(() => {
      const row = openRow(ctx, id);
      if (row.extended === 1) throw new AppError('ALREADY_EXTENDED', `request ${id}`);
      if (ctx.today() > row.due_date)
        throw new AppError(
          'EXTENSION_TOO_LATE',
          `request ${id} was due ${row.due_date}`,
          { detailVi: `Hạn giải quyết là ngày ${viDate(row.due_date)}.` },
        );
      const due = dueDateOf(ctx, { ...row, extended: 1 });
      ctx.db
        .prepare(
          `UPDATE requests SET extended = 1, extension_reason = ?, due_date = ?, status = 'in_progress', updated_at = ? WHERE id = ?`,
        )
        .run(reason.normalize('NFC'), due, nowIso(), id);
      audit(ctx, 'request.extended', id, { previousDueDate: row.due_date, dueDate: due, reason });
    })
    .immediate();
}

export function withdrawRequest(ctx: RegisterContext, id: number, note: string | undefined): void {
  ctx.db
    .transaction(() => {
      openRow(ctx, id);
      ctx.db
        .prepare(
          `UPDATE requests SET status = 'withdrawn', answered_date = ?, outcome_note = ?, updated_at = ? WHERE id = ?`,
        )
        .run(ctx.today(), note?.normalize('NFC') || null, nowIso(), id);
      audit(ctx, 'request.withdrawn', id);
    })
    .immediate();
}

const STATUS_OF = { provided: 'answered', partly: 'partly_answered', refused: 'refused' } as const;

export function answerRequest(
  ctx: RegisterContext,
  input: z.output<typeof AnswerSchema>,
  reviewer: string,
): void {
  ctx.db
    .transaction(() => {
      const row = openRow(ctx, input.id);
      const answered = input.answeredDate ?? ctx.today();
      assertDate(answered, 'answered date');
      if (answered < row.received_date)
        throw new AppError(
          'INVALID_INPUT',
          'answered before received',
          { detailVi: 'Ngày trả lời không được trước ngày nhận yêu cầu.' },
        );
      const version = ctx.rules.version(row.law_version);
      const bases: string[] = [];
      for (const code of input.bases) {
        const basis = ctx.rules.refusalBasis(row.law_version, code);
        if (!basis)
          throw new AppError('REFUSAL_BASIS_UNKNOWN', `${code} in ${row.law_version}`, { detailVi: `Mã căn cứ: ${code}.` });
        bases.push(basis.code);
      }
      if (input.outcome !== 'provided' && bases.length === 0)
        throw new AppError('REFUSAL_BASIS_REQUIRED', `request ${input.id}`);
      if (input.outcome === 'refused' && input.documentIds.length > 0) {
        throw new AppError(
          'INVALID_INPUT',
          'a refusal provides no documents',
          { detailVi: 'Từ chối toàn bộ thì không cung cấp tài liệu nào.' },
        );
      }
      for (const fee of input.fees) {
        if (!(version.feeKinds as string[]).includes(fee.kind))
          throw new AppError(
            'FEE_NOT_ALLOWED',
            `${fee.kind} under ${version.id}`,
            { detailVi: `(${version.feeCitation}.)` },
          );
      }
      assertDocuments(ctx.db, input.documentIds);
      // The consent rule: every document provided must be providable on the day of the answer.
      for (const d of input.documentIds) assertProvidable(ctx.db, d, answered);
      link(ctx.db, row.id, input.documentIds);
      const mark = ctx.db.prepare(
        'UPDATE request_documents SET provided = 1 WHERE request_id = ? AND document_id = ?',
      );
      for (const d of input.documentIds) mark.run(row.id, d);
      ctx.db
        .prepare(
          `UPDATE requests SET status = ?, answered_date = ?, outcome_bases = ?, outcome_note = ?, fees = ?, reviewer = ?, updated_at = ? WHERE id = ?`,
        )
        .run(
          STATUS_OF[input.outcome],
          answered,
          JSON.stringify(bases),
          input.note?.normalize('NFC') || null,
          JSON.stringify(input.fees),
          reviewer,
          nowIso(),
          row.id,
        );
      audit(ctx, 'request.answered', row.id, {
        outcome: input.outcome,
        bases,
        documents: input.documentIds,
        fees: input.fees,
        answeredDate: answered,
        dueDate: row.due_date,
        onTime: answered <= row.due_date,
      });
    })
    .immediate();
}

/** After a calendar change: open requests' due dates follow the new calendar (audited per request). */
export function recomputeOpenDueDates(ctx: RegisterContext): number {
  const rows = ctx.db
    .prepare(`SELECT * FROM requests WHERE status IN ('received','in_progress')`)
    .all() as RequestRow[];
  let changed = 0;
  for (const row of rows) {
    const due = dueDateOf(ctx, row);
    if (due === row.due_date) continue;
    ctx.db
      .prepare('UPDATE requests SET due_date = ?, updated_at = ? WHERE id = ?')
      .run(due, nowIso(), row.id);
    audit(ctx, 'request.due-recomputed', row.id, { previousDueDate: row.due_date, dueDate: due });
    changed += 1;
  }
  return changed;
}

export type { AnswerInput, NewRequest, RequestListQuery };
