/**
 * Redaction regions of a document (table redaction_regions): proposed from the stored findings,
 * accepted or removed by the reviewer, drawn, or made from a selected text span — every change in
 * one transaction with its audit event (ids, pages, boxes, grounds; never the words removed).
 *
 * The regions' identity (`regionsKey`) is what a "public with redactions" decision approves: the
 * accepted regions (page, boxes, ground label) and the page images they were placed on. Any change
 * of either changes the key, and `publicationForm` then holds the document back until a reviewer
 * approves again.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';
import { appendAudit } from '../audit/auditLog';
import { AppError } from '../../../shared/domain/errors';
import { groundFor, isWithholdingGround, type RegionGround } from './grounds';
import type { Box } from './textBoxes';

/** Bumped when what a redacted file is made from changes (painting, labels, OCR of the result). */
export const REDACTION_VERSION = '1';

export type RegionState = 'proposed' | 'accepted' | 'removed';
export type RegionOrigin = 'finding' | 'drawn' | 'text';

export interface Region {
  id: number;
  page: number;
  boxes: Box[];
  state: RegionState;
  origin: RegionOrigin;
  category: string;
  basisId: string;
  basisVersion: string;
  label: string;
  /** The words the region removes, when known. */
  text: string | null;
  start: number | null;
  end: number | null;
}

interface RegionRow {
  id: number;
  document_id: number;
  page: number;
  boxes: string;
  state: RegionState;
  origin: RegionOrigin;
  category: string;
  basis_id: string;
  basis_version: string;
  label: string;
  text: string | null;
  span_start: number | null;
  span_end: number | null;
}

const toRegion = (r: RegionRow): Region => ({
  id: r.id,
  page: r.page,
  boxes: JSON.parse(r.boxes) as Box[],
  state: r.state,
  origin: r.origin,
  category: r.category,
  basisId: r.basis_id,
  basisVersion: r.basis_version,
  label: r.label,
  text: r.text,
  start: r.span_start,
  end: r.span_end,
});

export function listRegions(db: Db, documentId: number): Region[] {
  return (
    db
      .prepare('SELECT * FROM redaction_regions WHERE document_id = ? ORDER BY page, id')
      .all(documentId) as RegionRow[]
  ).map(toRegion);
}

/** Boxes rounded (1e-5 of the page) and kept inside the page; empty ones dropped. */
export function cleanBoxes(boxes: readonly Box[]): Box[] {
  const r = (v: number) => Math.round(v * 100_000) / 100_000;
  return boxes
    .map((b) => {
      const x0 = Math.min(1, Math.max(0, b.x));
      const y0 = Math.min(1, Math.max(0, b.y));
      const x1 = Math.min(1, Math.max(0, b.x + b.w));
      const y1 = Math.min(1, Math.max(0, b.y + b.h));
      return { x: r(x0), y: r(y0), w: r(x1 - x0), h: r(y1 - y0) };
    })
    .filter((b) => b.w > 0 && b.h > 0);
}

/** Each page's identity: the image the regions were drawn on. */
function pageIdentities(db: Db, documentId: number): string[] {
  const doc = db.prepare('SELECT file_sha256 FROM documents WHERE id = ?').get(documentId) as
    { file_sha256: string } | undefined;
  if (!doc) throw new AppError('NOT_FOUND', `document ${documentId}`);
  const pages = db
    .prepare('SELECT n, image_sha256 FROM pages WHERE document_id = ? ORDER BY n')
    .all(documentId) as { n: number; image_sha256: string | null }[];
  return pages.map((p) => p.image_sha256 ?? `${doc.file_sha256}#${p.n}`);
}

export interface RedactionState {
  accepted: Region[];
  proposed: number;
  /** The identity of the accepted regions and the page images they are on. */
  key: string;
}

export function redactionState(db: Db, documentId: number): RedactionState {
  const regions = listRegions(db, documentId);
  const accepted = regions.filter((r) => r.state === 'accepted');
  const identity = accepted
    .map((r) => [r.page, r.boxes.map((b) => [b.x, b.y, b.w, b.h]), r.label])
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  const key = createHash('sha256')
    .update(JSON.stringify([REDACTION_VERSION, pageIdentities(db, documentId), identity]))
    .digest('hex')
    .slice(0, 32);
  return { accepted, proposed: regions.filter((r) => r.state === 'proposed').length, key };
}

/** The redacted strings of a document: the words under its accepted regions, white space collapsed. */
export function redactedStrings(regions: readonly Region[]): string[] {
  const out = new Set<string>();
  for (const r of regions) {
    if (r.state !== 'accepted' || !r.text) continue;
    const t = r.text.replace(/\s+/g, ' ').trim();
    if (t.length >= 2) out.add(t);
  }
  return [...out];
}

/**
 * How a decision may publish a document, given its regions — the one rule the export plan, the
 * published source and the provision of documents share:
 *   - `full`: a decision that is not partial, and no region proposed or accepted;
 *   - `redacted`: a partial decision whose approved key is the regions' key now, none proposed;
 *   - `held`: anything else (regions added or changed after the decision, a proposal undecided).
 */
export function publicationForm(
  decision: { partial: number; redaction_key: string | null },
  state: RedactionState,
): 'full' | 'redacted' | 'held' {
  if (decision.partial !== 1) return state.accepted.length === 0 && state.proposed === 0 ? 'full' : 'held';
  if (state.proposed > 0 || state.accepted.length === 0 || decision.redaction_key !== state.key)
    return 'held';
  return 'redacted';
}

/** The checks a partial approval must pass; returns the key it approves. */
export function assertRedactionReady(db: Db, documentId: number): string {
  const state = redactionState(db, documentId);
  if (state.proposed > 0)
    throw new AppError('REDACTION_UNDECIDED', `document ${documentId}: ${state.proposed} proposed`, {
      detailVi: `Còn ${state.proposed} vùng che chưa quyết định.`,
    });
  if (state.accepted.length === 0) throw new AppError('REDACTION_EMPTY', `document ${documentId}`);
  return state.key;
}

/** Regions proposed or accepted: a plain public decision would publish what they cover. */
export function hasActiveRegions(db: Db, documentId: number): boolean {
  return !!db
    .prepare(
      "SELECT 1 FROM redaction_regions WHERE document_id = ? AND state IN ('proposed','accepted') LIMIT 1",
    )
    .get(documentId);
}

export interface NewRegion {
  page: number;
  boxes: Box[];
  state: RegionState;
  origin: RegionOrigin;
  category: string;
  ground: RegionGround;
  text: string | null;
  start?: number | null;
  end?: number | null;
  sourceKey?: string | null;
}

function insert(db: Db, documentId: number, r: NewRegion, actor: string, at: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO redaction_regions (document_id, page, boxes, state, origin, category, basis_id, basis_version, label, text, span_start, span_end, source_key, created_by, created_at, updated_by, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        documentId,
        r.page,
        JSON.stringify(cleanBoxes(r.boxes)),
        r.state,
        r.origin,
        r.category,
        r.ground.basisId,
        r.ground.basisVersion,
        r.ground.label,
        r.text,
        r.start ?? null,
        r.end ?? null,
        r.sourceKey ?? null,
        actor,
        at,
        actor,
        at,
      ).lastInsertRowid,
  );
}

const auditView = (id: number, r: NewRegion) => ({
  id,
  page: r.page,
  boxes: cleanBoxes(r.boxes),
  state: r.state,
  origin: r.origin,
  category: r.category,
  basis: r.ground.basisId,
  label: r.ground.label,
});

/** Inserts new regions with one audit event (`action`). */
export function addRegions(
  db: Db,
  documentId: number,
  regions: NewRegion[],
  actor: string,
  action: string,
): number[] {
  if (!actor.trim()) throw new AppError('INVALID_INPUT', 'reviewer');
  return db
    .transaction(() => {
      const at = nowIso();
      const ids = regions.map((r) => insert(db, documentId, r, actor, at));
      if (ids.length > 0)
        appendAudit(db, {
          actor,
          action,
          documentId,
          payload: { regions: ids.map((id, i) => auditView(id, regions[i]!)) },
        });
      return ids;
    })
    .immediate();
}

/** A finding that may be proposed: personal data, or a passage of a withholding ground. */
export interface FindingRow {
  page: number;
  span_start: number;
  span_end: number;
  kind: string;
  text: string;
}

export function proposableFindings(db: Db, documentId: number): FindingRow[] {
  const rows = db
    .prepare(
      "SELECT page, span_start, span_end, kind, text FROM findings WHERE document_id = ? AND (kind LIKE 'personal:%' OR kind LIKE 'signal:%') ORDER BY page, span_start, kind",
    )
    .all(documentId) as FindingRow[];
  const bySpan = new Map<string, FindingRow>();
  for (const f of rows) {
    const personal = f.kind.startsWith('personal:');
    if (!personal && !isWithholdingGround(f.kind.slice('signal:'.length))) continue;
    const key = sourceKeyOf(f);
    const seen = bySpan.get(key);
    // The same span found as personal data and as a signal: the personal-data kind names it better.
    if (!seen || (personal && !seen.kind.startsWith('personal:'))) bySpan.set(key, f);
  }
  return [...bySpan.values()];
}

export const sourceKeyOf = (f: Pick<FindingRow, 'page' | 'span_start' | 'span_end'>) =>
  `${f.page}:${f.span_start}:${f.span_end}`;

/** Source keys already proposed (in any state): a finding is proposed once. */
export function proposedKeys(db: Db, documentId: number): Set<string> {
  return new Set(
    (
      db
        .prepare('SELECT source_key FROM redaction_regions WHERE document_id = ? AND source_key IS NOT NULL')
        .all(documentId) as { source_key: string }[]
    ).map((r) => r.source_key),
  );
}

/** The region a finding becomes (boxes worked out by the caller). */
export function regionOfFinding(f: FindingRow, boxes: Box[], day?: string): NewRegion {
  const personal = f.kind.startsWith('personal:');
  const ground = personal
    ? groundFor({ personal: true }, null, day)
    : groundFor({ ground: f.kind.slice('signal:'.length) }, null, day);
  return {
    page: f.page,
    boxes,
    state: 'proposed',
    origin: 'finding',
    category: personal ? f.kind.slice('personal:'.length) : 'protected',
    ground,
    text: f.text.replace(/\s+/g, ' ').trim() || null,
    start: f.span_start,
    end: f.span_end,
    sourceKey: sourceKeyOf(f),
  };
}

const STATE_ACTIONS: Record<RegionState, string> = {
  accepted: 'redaction.accepted',
  removed: 'redaction.removed',
  proposed: 'redaction.reopened',
};

/** Sets the state of regions of one document (one audit event). A region without boxes cannot be
 *  accepted: it would hide nothing. */
export function setRegionState(
  db: Db,
  documentId: number,
  ids: readonly number[],
  state: RegionState,
  actor: string,
): number[] {
  if (!actor.trim()) throw new AppError('INVALID_INPUT', 'reviewer');
  return db
    .transaction(() => {
      const get = db.prepare('SELECT * FROM redaction_regions WHERE id = ? AND document_id = ?');
      const changed: number[] = [];
      const at = nowIso();
      for (const id of ids) {
        const row = get.get(id, documentId) as RegionRow | undefined;
        if (!row)
          throw new AppError('NOT_FOUND', `region ${id} of document ${documentId}`, {
            subject: `Vùng che số ${id}`,
          });
        if (row.state === state) continue;
        if (state === 'accepted' && (JSON.parse(row.boxes) as Box[]).length === 0)
          throw new AppError('REDACTION_UNLOCATED', `region ${id}`, { subject: `Vùng che số ${id}` });
        db.prepare('UPDATE redaction_regions SET state = ?, updated_by = ?, updated_at = ? WHERE id = ?').run(
          state,
          actor,
          at,
          id,
        );
        changed.push(id);
      }
      if (changed.length > 0)
        appendAudit(db, { actor, action: STATE_ACTIONS[state], documentId, payload: { regions: changed } });
      return changed;
    })
    .immediate();
}

/** Changes a region's ground (the reviewer picked another article). */
export function setRegionGround(
  db: Db,
  documentId: number,
  id: number,
  ground: RegionGround,
  actor: string,
): void {
  db.transaction(() => {
    const row = db
      .prepare('SELECT id FROM redaction_regions WHERE id = ? AND document_id = ?')
      .get(id, documentId);
    if (!row)
      throw new AppError('NOT_FOUND', `region ${id} of document ${documentId}`, {
        subject: `Vùng che số ${id}`,
      });
    db.prepare(
      'UPDATE redaction_regions SET basis_id = ?, basis_version = ?, label = ?, updated_by = ?, updated_at = ? WHERE id = ?',
    ).run(ground.basisId, ground.basisVersion, ground.label, actor, nowIso(), id);
    appendAudit(db, {
      actor,
      action: 'redaction.ground-changed',
      documentId,
      payload: { region: id, basis: ground.basisId, label: ground.label },
    });
  }).immediate();
}

export interface RegionSummary {
  proposed: number;
  accepted: number;
  removed: number;
  /** Proposals the tools could not place on the page (the reviewer draws them). */
  unlocated: number;
}

export function summarise(regions: readonly Region[]): RegionSummary {
  return {
    proposed: regions.filter((r) => r.state === 'proposed').length,
    accepted: regions.filter((r) => r.state === 'accepted').length,
    removed: regions.filter((r) => r.state === 'removed').length,
    unlocated: regions.filter((r) => r.state === 'proposed' && r.boxes.length === 0).length,
  };
}
