/**
 * THE exportability decision. Everything an export writes comes from the plan built here, and the
 * plan comes from one rule, computed from the archive itself:
 *
 *   the document's LATEST decision (a later one supersedes it; a later unapproved one withdraws
 *   it) is approved, public or conditional, its basis exists in the registry, supports that
 *   class and belongs to the current legal version; no page of the document carries a secrecy
 *   stamp (the stamp finder runs over the current text — extraction need not have run), nor its
 *   header or stored findings a secrecy marking; and its published title holds no personal data.
 *   A document with redaction regions is published only by a "public with redactions" decision
 *   whose approved regions key is the regions' key now (redaction/regions.ts publicationForm): its
 *   entry says what was withheld and on which grounds, and its title, number, type and issuer are
 *   masked against the words the regions remove.
 *
 * Secret, undecided, superseded and withdrawn documents are never selected, so no later step can
 * write a byte about them. Conditional rows are read with their catalogue columns only (no id
 * leaves this file for them, no text, no file hash). Titles are published in their masked form
 * (publishedText.ts): the one the reviewer approved, else the header's subject masked here.
 */
import type { Db } from '../archive/database';
import { localDayOf } from '../clock';
import { legalRegistry, type BasisEntry, type LegalRegistry } from '../understanding/legalRegistry';
import { readAgencySettings, readDisclosureEnds } from './agencySettings';
import { checkDocuments, publishedTitleOf, rememberTitles } from './documentChecks';
import { publicIdsOf } from './publicIds';
import { maskedTitle, remainingFindings } from './publishedText';
import type { ConditionalEntry, DisclosureGroup, ExportPlan, HeldBack, PublicEntry, Withheld } from './types';
import { filterCopies } from './copyFilter';
import { listRegions, publicationForm, redactedStrings, redactionState } from '../redaction/regions';
import { maskStrings } from './publishedText';

interface ExportableRow {
  id: number;
  access_class: 'public' | 'conditional';
  basis_id: string;
  basis_version: string;
  decided_at: string;
  published_title: string | null;
  partial: number;
  redaction_key: string | null;
  doc_type: string | null;
  issuer: string | null;
  issued_date: string | null;
  number_notation: string | null;
  subject: string | null;
  file_name: string;
  page_count: number;
}

/** The one query. `approved = 1` on the latest decision row, class public or conditional. */
const EXPORTABLE_SQL = `
  WITH latest AS (SELECT document_id, max(id) AS id FROM decisions GROUP BY document_id)
  SELECT doc.id, dec.access_class, dec.basis_id, dec.basis_version, dec.decided_at, dec.published_title, dec.partial, dec.redaction_key,
         doc.doc_type, doc.issuer, doc.issued_date, doc.number_notation, doc.subject, doc.file_name, doc.page_count
    FROM latest
    JOIN decisions dec ON dec.id = latest.id
    JOIN documents doc ON doc.id = latest.document_id
   WHERE dec.approved = 1 AND dec.access_class IN ('public', 'conditional')
   ORDER BY doc.id`;

const CONDITIONS: Record<string, string> = {
  'business-secret': 'Được tiếp cận khi chủ sở hữu bí mật kinh doanh đồng ý',
  'private-life': 'Được tiếp cận khi người có thông tin (hoặc các thành viên gia đình) đồng ý',
  'public-interest-override': 'Được cung cấp khi người đứng đầu cơ quan quyết định vì lợi ích công cộng, sức khỏe của cộng đồng',
};

const POINT_SLUG: Record<string, string> = { đ: 'dd' };

/** Art. 17 groups in registry order; the 2026 entries (no point) map to the 2016 point of the same ground. */
export function disclosureGroups(registry: LegalRegistry): Map<string, DisclosureGroup> {
  const groups = new Map<string, DisclosureGroup>();
  let order = 0;
  for (const version of registry.versions()) {
    for (const e of registry.entries(version)) {
      if (e.accessClass !== 'public' || groups.has(e.ground)) continue;
      const art17 = e.article === 17;
      const slug = art17 && e.point ? (POINT_SLUG[e.point] ?? e.point) : art17 && e.clause ? `k${e.clause}` : e.ground.replace(/[^a-z0-9]+/g, '-');
      const label = art17 && e.point ? `Điểm ${e.point} khoản ${e.clause} Điều 17` : art17 ? `Khoản ${e.clause} Điều 17` : 'Thông tin công khai khác';
      groups.set(e.ground, { key: e.ground, slug, label, title: e.titleVi, order: order++ });
    }
  }
  return groups;
}

function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** The title a document's header gives it, before masking: its subject, else type + number,
 *  else its original file name. */
export function headerTitle(row: { subject: string | null; doc_type: string | null; number_notation: string | null; file_name: string }): string {
  if (row.subject?.trim()) return row.subject.trim();
  const typed = [row.doc_type, row.number_notation].filter(Boolean).join(' ');
  return typed || row.file_name;
}

/**
 * Whether a decision's legal version may be published under: the law in force when the decision
 * was made (a document decided under Law 104/2016 before 1 Sept 2026 stays in the catalogue; the
 * new law does not empty it), the version in force today, or one in force on the day the list is
 * for. A decision made under a law that was no longer (or not yet) in force that day is held back
 * as `basis-outdated` until someone decides it again.
 */
export function versionIsCurrent(registry: LegalRegistry, version: string, asOf: string, decidedAt: string): boolean {
  if (version === registry.defaultVersion || version === registry.versionOn(localDayOf(decidedAt))) return true;
  const v = registry.data.versions.find((x) => x.id === version);
  return !!v && v.effectiveFrom <= asOf && (v.effectiveTo === null || asOf <= v.effectiveTo);
}

export interface PlanOptions {
  /** The day the list is current for (yyyy-mm-dd); entries whose period ended before it leave the list. */
  asOf: string;
  registry?: LegalRegistry;
}

export function planExport(db: Db, options: PlanOptions): ExportPlan {
  const registry = options.registry ?? legalRegistry();
  const settings = readAgencySettings(db);
  const ends = readDisclosureEnds(db);
  const groups = disclosureGroups(registry);
  const rows = db.prepare(EXPORTABLE_SQL).all() as ExportableRow[];
  const publicEntries: PublicEntry[] = [];
  const conditionalEntries: ConditionalEntry[] = [];
  // One row per document however many files of it were imported (copyFilter.ts).
  const copies = filterCopies(db, rows, (ids) => checkDocuments(db, ids));
  const heldBack: HeldBack[] = [...copies.heldBack];
  let expired = 0;
  let updatedAt = '';
  // A handful of bases across 100 000 rows: look each up (and cite it) once.
  const bases = new Map<string, { entry: BasisEntry | null; basis: { id: string; version: string; citation: string } | null }>();
  const basisOf = (id: string, version: string) => {
    const key = `${id}\u0000${version}`;
    let b = bases.get(key);
    if (!b) {
      const entry = registry.find(id, version);
      b = { entry, basis: entry ? { id: entry.id, version: entry.version, citation: registry.citation(entry) } : null };
      bases.set(key, b);
    }
    return b;
  };
  const checks = checkDocuments(db, copies.rows.map((r) => r.id));
  // Documents with redaction regions marked (a few): each needs the regions rule below.
  const regioned = new Set(
    (db.prepare("SELECT DISTINCT document_id FROM redaction_regions WHERE state IN ('proposed', 'accepted')").all() as { document_id: number }[]).map((r) => r.document_id),
  );
  const publicIds = publicIdsOf(db, copies.rows.map((r) => r.id));
  const freshTitles: number[] = [];
  for (const row of copies.rows) {
    const { entry, basis: cited } = basisOf(row.basis_id, row.basis_version);
    if (!entry) {
      heldBack.push({ documentId: row.id, reason: 'basis-unknown' });
      continue;
    }
    if (entry.accessClass !== row.access_class) {
      heldBack.push({ documentId: row.id, reason: 'basis-class-mismatch' });
      continue;
    }
    if (!versionIsCurrent(registry, entry.version, options.asOf, row.decided_at)) {
      heldBack.push({ documentId: row.id, reason: 'basis-outdated' });
      continue;
    }
    let check = checks.get(row.id)!;
    if (check.secrecy) {
      heldBack.push({ documentId: row.id, reason: 'secrecy-marking' });
      continue;
    }
    let withheld: Withheld | null = null;
    let redacted: string[] = [];
    if (row.partial === 1 || regioned.has(row.id)) {
      const state = redactionState(db, row.id);
      const form = row.access_class === 'public' ? publicationForm(row, state) : 'conditional';
      if (form === 'held') {
        heldBack.push({ documentId: row.id, reason: 'redaction-changed' });
        continue;
      }
      redacted = redactedStrings(listRegions(db, row.id));
      // The title is checked against the words the regions remove too (not cached: few documents).
      check = { ...check, personal: [...new Set([...check.personal, ...redacted])], title: null };
      if (form === 'redacted') withheld = withheldOf(state.accepted, state.key, registry);
    }
    const checked = publishedTitleOf(check, row.published_title?.trim() || null, headerTitle(row), maskedTitle, remainingFindings);
    if (checked.fresh && redacted.length === 0) freshTitles.push(row.id);
    const title = checked.published;
    if (!checked.clean) {
      heldBack.push({ documentId: row.id, reason: 'personal-data' });
      continue;
    }
    const publicId = publicIds.get(row.id)!;
    const basis = { ...cited! };
    const disclosedOn = dayOf(row.decided_at);
    if (row.access_class === 'conditional') {
      conditionalEntries.push({
        kind: 'conditional',
        anchor: `dk-${publicId}`,
        title,
        numberNotation: masked(row.number_notation, redacted),
        issuedDate: row.issued_date,
        condition: CONDITIONS[entry.ground] ?? entry.titleVi,
        basis,
        disclosedOn,
      });
    } else {
      const until = ends.get(row.id) ?? (settings.defaultPeriodMonths ? addMonths(disclosedOn, settings.defaultPeriodMonths) : null);
      if (until !== null && until < options.asOf) {
        expired += 1;
        heldBack.push({ documentId: row.id, reason: 'period-ended' });
        continue;
      }
      publicEntries.push({
        kind: 'public',
        documentId: row.id,
        publicId,
        title,
        numberNotation: masked(row.number_notation, redacted),
        docType: masked(row.doc_type, redacted),
        issuer: masked(row.issuer, redacted),
        issuedDate: row.issued_date,
        subject: row.subject?.trim() ? title : null,
        basis,
        group: groups.get(entry.ground) ?? groups.get('publish:other')!,
        disclosedOn,
        disclosedAt: row.decided_at,
        until,
        pageCount: row.page_count,
        ...(withheld ? { withheld } : {}),
      });
    }
    if (row.decided_at > updatedAt) updatedAt = row.decided_at;
  }
  rememberTitles(db, checks, freshTitles);
  // Catalogue order: group, then newest issued first, then number, then id — total and stable.
  publicEntries.sort(
    (a, b) =>
      a.group.order - b.group.order ||
      cmpDesc(a.issuedDate, b.issuedDate) ||
      cmp(a.numberNotation, b.numberNotation) ||
      a.documentId - b.documentId,
  );
  conditionalEntries.sort((a, b) => cmpDesc(a.issuedDate, b.issuedDate) || cmp(a.numberNotation, b.numberNotation) || cmp(a.anchor, b.anchor));
  const classCounts = db
    .prepare(
      `WITH latest AS (SELECT document_id, max(id) AS id FROM decisions GROUP BY document_id)
       SELECT (SELECT count(*) FROM documents) AS documents,
              (SELECT count(*) FROM latest JOIN decisions d ON d.id = latest.id WHERE d.approved = 1 AND d.access_class = 'secret') AS secret`,
    )
    .get() as { documents: number; secret: number };
  const usedGroups = [...new Set(publicEntries.map((e) => e.group))].sort((a, b) => a.order - b.order);
  return {
    publicEntries,
    conditionalEntries,
    heldBack,
    counts: {
      documents: classCounts.documents,
      public: publicEntries.length,
      conditional: conditionalEntries.length,
      secret: classCounts.secret,
      undecided: classCounts.documents - rows.length - classCounts.secret,
      expired,
    },
    updatedAt: updatedAt || '1970-01-01T00:00:00.000Z',
    groups: usedGroups,
  };
}

/** A header field as published: the words redaction regions remove masked. */
function masked(value: string | null, redacted: readonly string[]): string | null {
  return value === null || redacted.length === 0 ? value : maskStrings(value, redacted);
}

/** The grounds of the accepted regions, by label, in the order first used. */
function withheldOf(regions: readonly { basisId: string; basisVersion: string; label: string }[], key: string, registry: LegalRegistry): Withheld {
  const grounds: Withheld['grounds'] = [];
  for (const r of regions) {
    if (grounds.some((g) => g.label === r.label)) continue;
    const entry = registry.find(r.basisId, r.basisVersion);
    grounds.push({ label: r.label, citation: entry ? registry.citation(entry) : r.basisId });
  }
  // The key is never written out: it makes the fingerprints of an entry whose regions changed differ.
  return { key, grounds };
}

function cmp(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function cmpDesc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

export interface DocumentRef {
  id: number;
  title: string;
  numberNotation: string | null;
}

/** Documents an export leaves out because nobody approved a decision for them (undecided or only
 *  drafted), by id; for the export screen's "will not be published" list. */
export function undecidedDocuments(db: Db, limit: number): DocumentRef[] {
  const rows = db
    .prepare(
      `WITH latest AS (SELECT document_id, max(id) AS id FROM decisions GROUP BY document_id)
       SELECT doc.id, doc.subject, doc.file_name, doc.number_notation
         FROM documents doc
         LEFT JOIN latest ON latest.document_id = doc.id
         LEFT JOIN decisions dec ON dec.id = latest.id
        WHERE dec.id IS NULL OR dec.approved = 0
        ORDER BY doc.id LIMIT ?`,
    )
    .all(limit) as { id: number; subject: string | null; file_name: string; number_notation: string | null }[];
  return rows.map((r) => ({ id: r.id, title: r.subject?.trim() || r.file_name, numberNotation: r.number_notation }));
}

/** Name and number of the given documents (held-back ones, for the export screen). */
export function documentRefs(db: Db, ids: number[]): Map<number, DocumentRef> {
  const get = db.prepare('SELECT id, subject, file_name, number_notation FROM documents WHERE id = ?');
  const out = new Map<number, DocumentRef>();
  for (const id of ids) {
    const r = get.get(id) as { id: number; subject: string | null; file_name: string; number_notation: string | null } | undefined;
    if (r) out.set(id, { id, title: r.subject?.trim() || r.file_name, numberNotation: r.number_notation });
  }
  return out;
}
