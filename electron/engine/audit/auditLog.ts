import { createHash } from 'node:crypto';
import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  actor: string;
  action: string;
  documentId?: number | null;
  payload?: unknown;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  document_id: number | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** The hash covers every field of the event and the previous hash, so editing, deleting or
 *  reordering any row breaks the chain from that row on. */
export function hashEvent(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([row.seq, row.at, row.actor, row.action, row.document_id, row.payload, row.prev_hash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Appends one event; call inside the transaction of the change it records. */
export function appendAudit(db: Db, event: AuditEvent): AuditRow {
  const last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: nowIso(),
    actor: event.actor,
    action: event.action,
    document_id: event.documentId ?? null,
    payload: JSON.stringify(event.payload ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const full: AuditRow = { ...row, hash: hashEvent(row) };
  db.prepare(
    `INSERT INTO audit (seq, at, actor, action, document_id, payload, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @document_id, @payload, @prev_hash, @hash)`,
  ).run(full);
  return full;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

export function verifyAudit(db: Db): AuditVerification {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    checked += 1;
    if (row.seq !== expectedSeq) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'missing event before this one' } };
    if (row.prev_hash !== prev) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'previous hash does not match' } };
    if (hashEvent(row) !== row.hash) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'event content was changed' } };
    prev = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, checked, firstBroken: null };
}

export function listAudit(db: Db, documentId?: number): AuditRow[] {
  return (
    documentId === undefined
      ? db.prepare('SELECT * FROM audit ORDER BY seq').all()
      : db.prepare('SELECT * FROM audit WHERE document_id = ? ORDER BY seq').all(documentId)
  ) as AuditRow[];
}
