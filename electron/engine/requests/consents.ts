/**
 * Consents for conditional information (Law 104/2016 Art. 7: business secrets, private life):
 * who consented, for which documents, scope, date, until when, and the scanned letter. The scan
 * goes into the content-addressed store and the `files` table (so `verify` and `backup` cover it)
 * but deliberately not into `documents`: it is never reviewed, searched or published.
 */
import { readFile, stat } from 'node:fs/promises';
import type { z } from 'zod';
import type { Db } from '../archive/database';
import { nowIso } from '../archive/database';
import type { FileStore } from '../archive/fileStore';
import { appendAudit } from '../audit/auditLog';
import { AppError } from '../../../shared/domain/errors';
import type { ConsentView, NewConsent } from '../../../shared/contract/requests';
import { documentRefs } from '../catalogue/exportPlan';
import { isIsoDate } from './dates';

const MAX_SCAN_BYTES = 50 * 1024 * 1024;
const SCAN_TYPES: [string, string][] = [
  ['%PDF', 'application/pdf'],
  ['\u0089PNG', 'image/png'],
  ['\u00ff\u00d8\u00ff', 'image/jpeg'],
  ['II*\u0000', 'image/tiff'],
  ['MM\u0000*', 'image/tiff'],
];

interface ConsentRow {
  id: number;
  person_name: string;
  person_kind: 'person' | 'business';
  scope: string;
  given_date: string;
  valid_until: string | null;
  scan_sha256: string | null;
  scan_name: string | null;
  revoked_date: string | null;
}

export interface ConsentContext {
  db: Db;
  store: FileStore;
  actor: string;
  today: () => string;
}

export type NewConsentInput = Omit<z.output<typeof NewConsent>, 'scanUploadId' | 'scanPath'> & {
  scanFile?: string | undefined;
};

function viewOf(db: Db, row: ConsentRow, today: string): ConsentView {
  const ids = (
    db
      .prepare('SELECT document_id FROM consent_documents WHERE consent_id = ? ORDER BY document_id')
      .all(row.id) as { document_id: number }[]
  ).map((r) => r.document_id);
  const refs = documentRefs(db, ids);
  return {
    id: row.id,
    personName: row.person_name,
    personKind: row.person_kind,
    scope: row.scope,
    givenDate: row.given_date,
    validUntil: row.valid_until,
    revokedDate: row.revoked_date,
    valid:
      row.given_date <= today &&
      (row.revoked_date === null || row.revoked_date > today) &&
      (row.valid_until === null || row.valid_until >= today),
    hasScan: row.scan_sha256 !== null,
    scanName: row.scan_name,
    documents: ids.map((id) => ({ id, title: refs.get(id)?.title ?? `#${id}` })),
  };
}

async function storeScan(ctx: ConsentContext, file: string): Promise<{ sha256: string; mime: string }> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new AppError('READ_FAILED', 'consent scan');
  }
  if (size === 0) throw new AppError('EMPTY_FILE', 'consent scan');
  if (size > MAX_SCAN_BYTES) throw new AppError('FILE_TOO_LARGE', 'consent scan');
  const bytes = await readFile(file);
  const head = bytes.subarray(0, 4).toString('latin1');
  const mime = SCAN_TYPES.find(([magic]) => head.startsWith(magic))?.[1];
  if (!mime) throw new AppError('UNSUPPORTED_TYPE', 'consent scan');
  const sha256 = await ctx.store.put(bytes);
  ctx.db
    .prepare('INSERT OR IGNORE INTO files (sha256, size, mime, created_at) VALUES (?, ?, ?, ?)')
    .run(sha256, bytes.length, mime, nowIso());
  return { sha256, mime };
}

export async function addConsent(ctx: ConsentContext, input: NewConsentInput): Promise<ConsentView> {
  if (!isIsoDate(input.givenDate))
    throw new AppError('INVALID_INPUT', 'given date', { detailVi: `Ngày đồng ý không hợp lệ: ${input.givenDate}.` });
  if (input.validUntil !== null && (!isIsoDate(input.validUntil) || input.validUntil < input.givenDate)) {
    throw new AppError(
      'INVALID_INPUT',
      'valid until',
      { detailVi: 'Ngày hết hiệu lực phải là một ngày hợp lệ, không trước ngày đồng ý.' },
    );
  }
  const get = ctx.db.prepare('SELECT 1 FROM documents WHERE id = ?');
  for (const id of input.documentIds)
    if (!get.get(id)) throw new AppError('NOT_FOUND', `document ${id}`, { detailVi: `Không có tài liệu #${id}.` });
  // The file is stored first (content-addressed, harmless if the transaction below fails).
  const scan = input.scanFile ? await storeScan(ctx, input.scanFile) : null;
  const id = ctx.db
    .transaction(() => {
      const info = ctx.db
        .prepare(
          `INSERT INTO consents (person_name, person_kind, scope, given_date, valid_until, scan_sha256, scan_name, recorded_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.personName.normalize('NFC'),
          input.personKind,
          input.scope.normalize('NFC'),
          input.givenDate,
          input.validUntil,
          scan?.sha256 ?? null,
          scan ? (input.scanName?.normalize('NFC') ?? 'van-ban-dong-y') : null,
          ctx.actor,
          nowIso(),
        );
      const consentId = Number(info.lastInsertRowid);
      const ins = ctx.db.prepare(
        'INSERT OR IGNORE INTO consent_documents (consent_id, document_id) VALUES (?, ?)',
      );
      for (const d of input.documentIds) ins.run(consentId, d);
      // No name, no scope text: the person is personal data.
      appendAudit(ctx.db, {
        actor: ctx.actor,
        action: 'consent.recorded',
        payload: {
          consentId,
          documents: input.documentIds,
          givenDate: input.givenDate,
          validUntil: input.validUntil,
          scan: scan?.sha256 ?? null,
        },
      });
      return consentId;
    })
    .immediate();
  return getConsent(ctx.db, id, ctx.today());
}

export function getConsent(db: Db, id: number, today: string): ConsentView {
  const row = db.prepare('SELECT * FROM consents WHERE id = ?').get(id) as ConsentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `consent ${id}`, { detailVi: `Không có văn bản đồng ý số ${id}.` });
  return viewOf(db, row, today);
}

export function listConsents(db: Db, today: string, documentId?: number): ConsentView[] {
  const rows = (
    documentId === undefined
      ? db.prepare('SELECT * FROM consents ORDER BY id DESC').all()
      : db
          .prepare(
            'SELECT c.* FROM consents c JOIN consent_documents cd ON cd.consent_id = c.id WHERE cd.document_id = ? ORDER BY c.id DESC',
          )
          .all(documentId)
  ) as ConsentRow[];
  return rows.map((r) => viewOf(db, r, today));
}

export function revokeConsent(ctx: ConsentContext, id: number, date: string): ConsentView {
  if (!isIsoDate(date)) throw new AppError('INVALID_INPUT', 'revoked date');
  ctx.db
    .transaction(() => {
      const row = getConsent(ctx.db, id, ctx.today());
      if (row.revokedDate) return;
      ctx.db.prepare('UPDATE consents SET revoked_date = ? WHERE id = ?').run(date, id);
      appendAudit(ctx.db, {
        actor: ctx.actor,
        action: 'consent.revoked',
        payload: { consentId: id, revokedDate: date },
      });
    })
    .immediate();
  return getConsent(ctx.db, id, ctx.today());
}
