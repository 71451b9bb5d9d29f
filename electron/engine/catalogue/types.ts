/**
 * What an export is made of. The two entry kinds are separate types on purpose: a conditional
 * entry has no document id, no text and no file, so no renderer can reach its content by mistake.
 */
import type { HeldBackReason } from '../../../shared/contract/catalogue';

/** The Art. 17 group a public entry is listed under (from its legal basis in the registry). */
export interface DisclosureGroup {
  /** Stable key: the registry ground ("publish:budget"). */
  key: string;
  /** Short code used in file names and anchors ("dd", "k2"): ours, never user input. */
  slug: string;
  /** "Điểm đ khoản 1 Điều 17" */
  label: string;
  title: string;
  order: number;
}

export interface BasisRef {
  id: string;
  version: string;
  /** "khoản 2 Điều 7 Luật Tiếp cận thông tin 104/2016/QH13" */
  citation: string;
}

export interface PublicEntry {
  kind: 'public';
  documentId: number;
  /** Opaque random id: the page and PDF names, the catalogue anchor, the search key (publicIds.ts). */
  publicId: string;
  /** Tên: the title the reviewer approved (personal data masked); else the masked subject, type +
   *  number, or original file name (escaped on output). */
  title: string;
  numberNotation: string | null;
  docType: string | null;
  issuer: string | null;
  issuedDate: string | null;
  /** Trích yếu as published: the approved title when the document has a subject, else null. */
  subject: string | null;
  basis: BasisRef;
  group: DisclosureGroup;
  /** Thời điểm công khai: the day the publication decision was approved (yyyy-mm-dd). */
  disclosedOn: string;
  /** The approval instant (ISO), for the feed's ordering and timestamps. */
  disclosedAt: string;
  /** Thời hạn công khai: last day (yyyy-mm-dd), or null for no end ("thường xuyên"). */
  until: string | null;
  pageCount: number;
  /** Public with redactions (issue 14): parts were withheld, on these grounds; the published PDF
   *  and the page text are the redacted file's (regions key `key`). Absent or null: published whole. */
  withheld?: Withheld | null;
}

/** What a partly public entry says about what it withholds (the regions' grounds, by label). */
export interface Withheld {
  key: string;
  grounds: { label: string; citation: string }[];
}

export interface ConditionalEntry {
  kind: 'conditional';
  /** Anchor key in the conditional catalogue ("dk-" + the opaque public id); carries no content
   *  and no internal id. */
  anchor: string;
  title: string;
  numberNotation: string | null;
  issuedDate: string | null;
  /** The condition under which it can be accessed (consent of …). */
  condition: string;
  basis: BasisRef;
  disclosedOn: string;
}

/** secrecy-marking, basis-unknown, basis-class-mismatch, period-ended; basis-outdated (the basis
 *  belongs to a legal version not in force on the decision's day, today, or the list's day);
 *  personal-data (the approved title still contains personal data of the document or itself);
 *  other-copy-published, copies-disagree (copyFilter.ts);
 *  redaction-changed (redaction regions were marked or changed after the decision: a reviewer must
 *  approve the document again). */
export type { HeldBackReason };

export interface HeldBack {
  documentId: number;
  reason: HeldBackReason;
}

export interface ExportPlan {
  publicEntries: PublicEntry[];
  conditionalEntries: ConditionalEntry[];
  /** Approved public/conditional decisions not exported, with why (never includes secret ones). */
  heldBack: HeldBack[];
  counts: { documents: number; public: number; conditional: number; secret: number; undecided: number; expired: number };
  /** Latest approval instant among the exported entries: the catalogue's "updated" time. */
  updatedAt: string;
  groups: DisclosureGroup[];
}
