/**
 * THE exportability decision. Everything an export writes comes from the plan built here, and the
 * plan comes from one query: documents whose LATEST decision is approved and whose class is public
 * or conditional. Secret and undecided documents are never selected, so no later step can write a
 * byte about them. Conditional rows are read with their catalogue columns only (no id leaves this
 * file for them, no text, no file hash).
 *
 * Defence in depth on top of the query: the decision's basis must exist in the registry and
 * support the decided class, and a document whose header carries a secrecy marking (Mật, Tối mật,
 * Tuyệt mật) is held back even when someone approved it as public — a contradiction a person must
 * resolve, not the exporter.
 */
import type { Db } from '../archive/database';
import { legalRegistry, type BasisEntry, type LegalRegistry } from '../understanding/legalRegistry';
import { readAgencySettings, readDisclosureEnds } from './agencySettings';
import type { ConditionalEntry, DisclosureGroup, ExportPlan, HeldBack, PublicEntry } from './types';
import { filterCopies } from './copyFilter';

interface ExportableRow {
  id: number;
  access_class: 'public' | 'conditional';
  basis_id: string;
  basis_version: string;
  decided_at: string;
  doc_type: string | null;
  issuer: string | null;
  issued_date: string | null;
  number_notation: string | null;
  subject: string | null;
  file_name: string;
  page_count: number;
  secrecy: string | null;
}

/** The one query. `approved = 1` on the latest decision row, class public or conditional. */
const EXPORTABLE_SQL = `
  WITH latest AS (SELECT document_id, max(id) AS id FROM decisions GROUP BY document_id)
  SELECT doc.id, dec.access_class, dec.basis_id, dec.basis_version, dec.decided_at,
         doc.doc_type, doc.issuer, doc.issued_date, doc.number_notation, doc.subject, doc.file_name, doc.page_count,
         (SELECT value FROM header_fields h WHERE h.document_id = doc.id AND h.key = 'secrecy') AS secrecy
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

function titleOf(row: ExportableRow): string {
  if (row.subject?.trim()) return row.subject.trim();
  const typed = [row.doc_type, row.number_notation].filter(Boolean).join(' ');
  return typed || row.file_name;
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
  const copies = filterCopies(db, rows);
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
    if (row.secrecy?.trim()) {
      heldBack.push({ documentId: row.id, reason: 'secrecy-marking' });
      continue;
    }
    const basis = { ...cited! };
    const disclosedOn = dayOf(row.decided_at);
    if (row.access_class === 'conditional') {
      conditionalEntries.push({
        kind: 'conditional',
        anchor: `dk-${row.id}`,
        title: titleOf(row),
        numberNotation: row.number_notation,
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
        title: titleOf(row),
        numberNotation: row.number_notation,
        docType: row.doc_type,
        issuer: row.issuer,
        issuedDate: row.issued_date,
        subject: row.subject,
        basis,
        group: groups.get(entry.ground) ?? groups.get('publish:other')!,
        disclosedOn,
        disclosedAt: row.decided_at,
        until,
        pageCount: row.page_count,
      });
    }
    if (row.decided_at > updatedAt) updatedAt = row.decided_at;
  }
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
