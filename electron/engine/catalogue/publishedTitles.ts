/**
 * The title a decision publishes. Before approving, the reviewer sees the proposal — the header's
 * title with the document's personal data masked — and may edit it; the decision stores what was
 * approved, and the export publishes exactly that (re-checked against the findings of the day).
 */
import type { Db } from '../archive/database';
import { AppError } from '../../../shared/domain/errors';
import { checkDocuments } from './documentChecks';
import { headerTitle } from './exportPlan';
import { maskedTitle, remainingFindings } from './publishedText';
import { listRegions, redactedStrings } from '../redaction/regions';

export interface PublishedTitleView {
  id: number;
  /** The title the header gives the document, unmasked (what the reviewer reads in the archive). */
  headerTitle: string;
  /** What would be published if approved now: the header title with personal data masked. */
  proposed: string;
  /** What the latest approved decision publishes (null: none, or recorded before titles were stored). */
  approved: string | null;
  /** The personal-data strings the title is masked against (and the words under accepted
   *  redaction regions: what a partly public document withholds is withheld from its title too). */
  findings: string[];
}

/** The document's personal data and the words under its accepted redaction regions. */
export function withRedacted(db: Db, id: number, personal: readonly string[]): string[] {
  const redacted = redactedStrings(listRegions(db, id));
  return redacted.length === 0 ? [...personal] : [...new Set([...personal, ...redacted])];
}

function headerRow(db: Db, id: number) {
  const row = db.prepare('SELECT subject, doc_type, number_notation, file_name FROM documents WHERE id = ?').get(id) as
    | { subject: string | null; doc_type: string | null; number_notation: string | null; file_name: string }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `document ${id}`);
  return row;
}

export function publishedTitleView(db: Db, id: number): PublishedTitleView {
  const title = headerTitle(headerRow(db, id));
  const findings = withRedacted(db, id, checkDocuments(db, [id]).get(id)?.personal ?? []);
  const latest = db.prepare('SELECT published_title, approved FROM decisions WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(id) as
    | { published_title: string | null; approved: number }
    | undefined;
  return { id, headerTitle: title, proposed: maskedTitle(title, findings), approved: latest?.approved ? latest.published_title : null, findings };
}

/** Proposed titles of many documents at once (bulk approval's dry run). */
export function proposedTitles(db: Db, ids: readonly number[]): Map<number, string> {
  const checks = checkDocuments(db, ids);
  const out = new Map<number, string>();
  for (const id of ids) out.set(id, maskedTitle(headerTitle(headerRow(db, id)), withRedacted(db, id, checks.get(id)?.personal ?? [])));
  return out;
}

/** The title to store with a decision: the reviewer's (refused if it still holds personal data of
 *  the document or of itself) or the proposal. */
export function titleToPublish(db: Db, id: number, reviewerTitle: string | null | undefined): string {
  const view = publishedTitleView(db, id);
  const wanted = reviewerTitle?.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!wanted) return view.proposed;
  const left = remainingFindings(wanted, view.findings);
  if (left.length > 0) throw new AppError('PUBLISHED_TITLE_PERSONAL_DATA', `document ${id}: ${left.length} finding(s) left`);
  return wanted;
}
