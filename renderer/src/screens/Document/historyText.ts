/**
 * A document's audit history as a person reads it: the event's name in the interface language,
 * what it changed (old → new for header fields), OCR's per-page events folded into one line per
 * run. Payloads are JSON written by the engine over several versions, so every field is read
 * defensively: a missing one leaves its detail out, never breaks the list.
 */
import type { DocumentDetail } from '../../../../shared/contract/schemas';
import { formatDateVi } from '../../../../shared/text/vietnamese';

export interface HistoryLine {
  /** The first event's sequence number (a folded OCR run keeps its first page's). */
  seq: number;
  at: string;
  actor: string;
  action: string;
  /** How many events the line stands for (OCR pages of one run). */
  count: number;
  details: string[];
}

type HistoryEvent = DocumentDetail['history'][number];

export type Translate = (key: string, options?: Record<string, unknown>) => string;

type Payload = Record<string, unknown>;
const obj = (v: unknown): Payload => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Payload) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export interface HistoryContext {
  t: Translate;
  /** The readable name of a legal-basis id ("điểm d khoản 1 Điều 17 …"); the id when unknown. */
  basis: (id: string) => string;
  /** The sentence for an import warning code. */
  warning: (code: string) => string;
}

function headerValue(key: string, value: unknown, t: Translate): string {
  const text = str(value);
  if (text === null || text === '') return t('history.empty');
  return `“${key === 'issuedDate' ? formatDateVi(text) : text}”`;
}

function fieldName(key: string, t: Translate): string {
  return t(`header.${key}`, { defaultValue: key });
}

function accessName(value: unknown, t: Translate): string {
  const c = str(value);
  return c ? t(`access.${c}`) : t('access.undecided');
}

function details(event: HistoryEvent, ctx: HistoryContext): string[] {
  const { t } = ctx;
  const p = obj(event.payload);
  switch (event.action) {
    case 'document.imported': {
      const pages = num(p.pages);
      const text = num(p.textLayerPages);
      const out: string[] = [];
      if (pages !== null) out.push(t('history.pages', { count: pages }));
      if (pages !== null && text !== null && pages - text > 0)
        out.push(t('history.needsOcr', { count: pages - text }));
      for (const w of list(p.warnings)) if (typeof w === 'string') out.push(ctx.warning(w));
      return out;
    }
    case 'ocr.page': {
      const confidence = num(p.confidence);
      return confidence === null ? [] : [t('history.confidence', { percent: Math.round(confidence) })];
    }
    case 'ocr.page.failed': {
      const page = num(p.page);
      const error = str(p.error);
      return [
        [page !== null ? t('document.page', { n: page }) : null, error].filter(Boolean).join(': '),
      ].filter(Boolean);
    }
    case 'ocr.completed': {
      const pages = num(p.ocrPages);
      const confidence = num(p.confidence);
      const low = num(p.lowConfidencePages);
      return [
        pages !== null ? t('history.pages', { count: pages }) : null,
        confidence !== null ? t('history.meanConfidence', { percent: Math.round(confidence) }) : null,
        low ? t('history.lowPages', { count: low }) : null,
      ].filter((d): d is string => d !== null);
    }
    case 'understanding.extracted': {
      const fields = list(p.fields).filter((f): f is string => typeof f === 'string');
      const kept = list(p.keptCorrections).filter((f): f is string => typeof f === 'string');
      return [
        fields.length > 0
          ? t('history.fieldsRead', { fields: fields.map((f) => fieldName(f, t)).join(', ') })
          : t('history.noFieldsRead'),
        kept.length > 0 ? t('history.keptCorrections', { fields: kept.map((f) => fieldName(f, t)).join(', ') }) : null,
      ].filter((d): d is string => d !== null);
    }
    case 'suggestion.created': {
      const basis = str(p.basis);
      return [
        p.class === null || p.class === undefined
          ? t('history.needsReview')
          : basis
            ? t('history.classWithBasis', { access: accessName(p.class, t), basis: ctx.basis(basis) })
            : accessName(p.class, t),
      ];
    }
    case 'header.corrected': {
      // Old → new per field (engine ≥ pipeline); older events carry only the new values.
      const changes = list(p.changes).map(obj);
      if (changes.length > 0) {
        return changes.map((c) =>
          t('history.change', {
            field: fieldName(str(c.key) ?? '', t),
            from: headerValue(str(c.key) ?? '', c.from, t),
            to: headerValue(str(c.key) ?? '', c.to, t),
          }),
        );
      }
      return Object.entries(obj(p.fields)).map(([key, value]) =>
        t('history.newValue', { field: fieldName(key, t), to: headerValue(key, value, t) }),
      );
    }
    case 'header.confirmed':
      return list(p.fields)
        .map(obj)
        .map((f) =>
          t('history.confirmedValue', {
            field: fieldName(str(f.key) ?? '', t),
            value: headerValue(str(f.key) ?? '', f.value, t),
          }),
        );
    case 'decision.recorded':
    case 'decision.changed': {
      const previous = obj(p.previous);
      const basis = str(p.basis);
      const now = basis
        ? t('history.classWithBasis', { access: accessName(p.class, t), basis: ctx.basis(basis) })
        : accessName(p.class, t);
      const out = [
        event.action === 'decision.changed' && previous.class
          ? t('history.change', { field: t('history.decision'), from: accessName(previous.class, t), to: now })
          : now,
        p.approved === true ? t('history.approved') : p.approved === false ? t('history.notApproved') : null,
      ];
      const note = str(p.note);
      if (note) out.push(t('history.note', { note }));
      return out.filter((d): d is string => d !== null);
    }
    default:
      return [];
  }
}

/** History lines, newest first. Consecutive `ocr.page` events of one OCR run become one line. */
export function historyLines(events: readonly HistoryEvent[], ctx: HistoryContext): HistoryLine[] {
  type Building = HistoryLine & { jobId: number | null; pages: (number | null)[]; confidences: (number | null)[] };
  const lines: Building[] = [];
  for (const e of events) {
    const last = lines.at(-1);
    const jobId = num(obj(e.payload).jobId);
    if (e.action === 'ocr.page' && last?.action === 'ocr.page' && jobId !== null && last.jobId === jobId) {
      last.count += 1;
      last.pages.push(num(obj(e.payload).page));
      last.confidences.push(num(obj(e.payload).confidence));
      last.at = e.at;
      continue;
    }
    lines.push({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      count: 1,
      details: details(e, ctx),
      jobId,
      pages: [num(obj(e.payload).page)],
      confidences: [num(obj(e.payload).confidence)],
    });
  }
  return lines
    .map(({ jobId: _job, pages, confidences, ...line }): HistoryLine => {
      if (line.action !== 'ocr.page') return line;
      const known = pages.filter((n): n is number => n !== null).sort((a, b) => a - b);
      const values = confidences.filter((c): c is number => c !== null);
      const mean = values.length > 0 ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null;
      return {
        ...line,
        details: [
          known.length === 1
            ? ctx.t('document.page', { n: known[0] })
            : known.length > 1
              ? ctx.t('history.pageRange', { count: known.length, list: pageRanges(known) })
              : null,
          mean !== null ? ctx.t(known.length > 1 ? 'history.meanConfidence' : 'history.confidence', { percent: mean }) : null,
        ].filter((d): d is string => d !== null),
      };
    })
    .reverse();
}

/** 1, 2, 3, 5 → "1–3, 5". */
export function pageRanges(pages: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j += 1;
    out.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j + 1;
  }
  return out.join(', ');
}
