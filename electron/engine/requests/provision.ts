/**
 * What may be provided to a requester, and which file. The rule, in one place:
 * - only documents with an approved access decision whose legal basis supports the class;
 * - never a secret document, nor one whose header carries a secrecy marking;
 * - a conditional document only with a consent that covers it and is valid on the day of
 *   provision (given on or before, not revoked, not expired) — Art. 7 of Law 104/2016;
 * - the file provided is the published version (`providedFile`), never the stored original; for
 *   a document public with redactions, its redacted file (and never while its redaction regions
 *   differ from the ones approved).
 */
import type { Db } from '../archive/database';
import { AppError } from '../../../shared/domain/errors';
import { legalRegistry } from '../understanding/legalRegistry';
import { checkDocuments } from '../catalogue/documentChecks';
import { publishedPdf, type RasterisePdf } from '../catalogue/publishedPdf';
import { documentRefs } from '../catalogue/exportPlan';
import type { AccessClass } from '../../../shared/domain/access';
import { viDate } from './dates';
import { listRegions, publicationForm, redactedStrings, redactionState } from '../redaction/regions';
import { maskStrings } from '../catalogue/publishedText';

export interface Providability {
  providable: boolean;
  /** Vietnamese: why not, or which consent allows it. */
  reason: string | null;
  consentId: number | null;
  /** CONSENT_REQUIRED or NOT_PROVIDABLE when refused. */
  code: 'CONSENT_REQUIRED' | 'NOT_PROVIDABLE' | null;
}

interface DecisionRow {
  access_class: AccessClass;
  basis_id: string;
  basis_version: string;
  decided_at: string;
  approved: number;
  partial: number;
  redaction_key: string | null;
}

export function documentLabel(db: Db, documentId: number): string {
  const ref = documentRefs(db, [documentId]).get(documentId);
  if (!ref) return `#${documentId}`;
  return `«${[ref.numberNotation, ref.title].filter(Boolean).join(' — ')}» (#${documentId})`;
}

function latestDecision(db: Db, documentId: number): DecisionRow | undefined {
  return db
    .prepare(
      'SELECT access_class, basis_id, basis_version, decided_at, approved, partial, redaction_key FROM decisions WHERE document_id = ? ORDER BY id DESC LIMIT 1',
    )
    .get(documentId) as DecisionRow | undefined;
}

const refuse = (code: 'CONSENT_REQUIRED' | 'NOT_PROVIDABLE', reason: string): Providability => ({
  providable: false,
  reason,
  consentId: null,
  code,
});

/** Whether a document may be provided on `onDate` (yyyy-mm-dd), with the reason in Vietnamese. */
export function providability(db: Db, documentId: number, onDate: string): Providability {
  const exists = db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId);
  if (!exists) throw new AppError('NOT_FOUND', `document ${documentId}`);
  const label = documentLabel(db, documentId);
  const decision = latestDecision(db, documentId);
  if (!decision || decision.approved !== 1)
    return refuse(
      'NOT_PROVIDABLE',
      `Tài liệu ${label} chưa có quyết định phân loại tiếp cận đã được phê duyệt.`,
    );
  const registry = legalRegistry();
  const entry = registry.find(decision.basis_id, decision.basis_version);
  if (decision.access_class === 'secret') {
    return refuse(
      'NOT_PROVIDABLE',
      `Tài liệu ${label} thuộc loại thông tin không được tiếp cận${entry ? ` (${registry.citation(entry)})` : ''}.`,
    );
  }
  // The export's own check (catalogue/documentChecks.ts): a secrecy stamp on any page counts even
  // if extraction never ran, as do the header's secrecy field and stored findings.
  const secrecy = checkDocuments(db, [documentId]).get(documentId)?.secrecy;
  if (secrecy) return refuse('NOT_PROVIDABLE', `Tài liệu ${label} mang dấu mức độ mật «${secrecy}».`);
  if (!entry || entry.accessClass !== decision.access_class) {
    return refuse(
      'NOT_PROVIDABLE',
      `Căn cứ pháp lý của quyết định phân loại tài liệu ${label} không hợp lệ; hãy thẩm định lại.`,
    );
  }
  if (decision.access_class === 'public') {
    if (publicationForm(decision, redactionState(db, documentId)) === 'held')
      return refuse('NOT_PROVIDABLE', `Vùng che của tài liệu ${label} đã thay đổi (hoặc mới được đánh dấu) sau khi phê duyệt; cần phê duyệt lại trước khi cung cấp.`);
    return { providable: true, reason: null, consentId: null, code: null };
  }

  // Conditional: a consent covering this document, valid on the day of provision.
  const consents = db
    .prepare(
      `SELECT c.id, c.given_date, c.valid_until, c.revoked_date FROM consents c
         JOIN consent_documents cd ON cd.consent_id = c.id
        WHERE cd.document_id = ? ORDER BY c.id DESC`,
    )
    .all(documentId) as {
    id: number;
    given_date: string;
    valid_until: string | null;
    revoked_date: string | null;
  }[];
  const valid = consents.find(
    (c) =>
      c.given_date <= onDate &&
      (c.revoked_date === null || c.revoked_date > onDate) &&
      (c.valid_until === null || c.valid_until >= onDate),
  );
  if (valid) {
    return {
      providable: true,
      reason: `Có văn bản đồng ý số ${valid.id} ngày ${viDate(valid.given_date)}${valid.valid_until ? `, hiệu lực đến ${viDate(valid.valid_until)}` : ''}.`,
      consentId: valid.id,
      code: null,
    };
  }
  const ground = `Tài liệu ${label} là thông tin tiếp cận có điều kiện (${registry.citation(entry)}).`;
  if (consents.length === 0)
    return refuse(
      'CONSENT_REQUIRED',
      `${ground} Chưa có văn bản đồng ý nào của người hoặc doanh nghiệp liên quan.`,
    );
  const c = consents[0]!;
  if (c.revoked_date !== null && c.revoked_date <= onDate)
    return refuse(
      'CONSENT_REQUIRED',
      `${ground} Sự đồng ý số ${c.id} đã bị rút lại ngày ${viDate(c.revoked_date)}.`,
    );
  if (c.valid_until !== null && c.valid_until < onDate)
    return refuse(
      'CONSENT_REQUIRED',
      `${ground} Sự đồng ý số ${c.id} đã hết hiệu lực ngày ${viDate(c.valid_until)}.`,
    );
  return refuse(
    'CONSENT_REQUIRED',
    `${ground} Sự đồng ý số ${c.id} chỉ có hiệu lực từ ngày ${viDate(c.given_date)}.`,
  );
}

/** Throws the refusal (with its Vietnamese reason) when the document may not be provided. */
export function assertProvidable(db: Db, documentId: number, onDate: string): Providability {
  const p = providability(db, documentId, onDate);
  if (!p.providable)
    throw new AppError(p.code ?? 'NOT_PROVIDABLE', `document ${documentId} on ${onDate}`, {
      detailVi: p.reason ?? undefined,
    });
  return p;
}

export interface ProvidedFileDeps {
  db: Db;
  /** What a document's published PDF is made from (Engine.publishedSource). */
  publishedSource: (id: number) => Promise<Uint8Array>;
  /** Renders a layered or encrypted PDF at default visibility with a new OCR layer (Engine.rasterisedPdf). */
  rasterise: RasterisePdf;
}

/**
 * THE file we may provide for a document: its published PDF (page images and text layer copied
 * into a new, metadata-clean PDF — what the catalogue publishes for a public document); for a
 * document public with redactions, its redacted file (`publishedSource` returns it).
 * It checks the provision rule itself, so no caller can hand out a file the rule refuses.
 */
export async function providedFile(
  deps: ProvidedFileDeps,
  documentId: number,
  onDate: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  assertProvidable(deps.db, documentId, onDate);
  const ref = documentRefs(deps.db, [documentId]).get(documentId)!;
  const decision = latestDecision(deps.db, documentId)!;
  const row = deps.db.prepare('SELECT issuer, subject FROM documents WHERE id = ?').get(documentId) as {
    issuer: string | null;
    subject: string | null;
  };
  // What the redaction regions remove is not in the file's metadata either.
  const redacted = redactedStrings(listRegions(deps.db, documentId));
  const mask = (v: string | null) => (v === null || redacted.length === 0 ? v : maskStrings(v, redacted));
  const published = await publishedPdf(
    await deps.publishedSource(documentId),
    {
      disclosedAt: decision.decided_at,
      numberNotation: mask(ref.numberNotation),
      subject: mask(row.subject),
      title: mask(ref.title)!,
      issuer: mask(row.issuer),
    },
    deps.rasterise,
  );
  return { fileName: `tai-lieu-${documentId}.pdf`, bytes: published.bytes };
}
