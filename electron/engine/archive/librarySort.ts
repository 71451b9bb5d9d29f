/**
 * The Library's sortable columns. Text columns sort by `vi_sort_key` (shared/text/viSortKey.ts:
 * the Vietnamese alphabet, tones second, numbers by value), registered on the connection the first
 * time a sorted listing is asked for. Missing values go last in either direction; ties keep import
 * order, so paging is stable.
 *
 * A sorted order is computed once and kept (ids only, ~0.4 MB per 100 000 documents) until the
 * archive changes: the Library fetches a 200-row page at a time as the user scrolls, and sorting
 * 100 000 rows by a text key costs 0.3–2 s in SQLite, while slicing a kept order costs nothing.
 * Any write on this connection (total_changes) or another (data_version) makes a kept order stale;
 * a stale order is sorted again at once when that is cheap, but an expensive one is kept for ten
 * times what it cost, so a pipeline writing all the time never spends more than a tenth of the
 * main thread re-sorting (rows are always read fresh; only their order may lag a few seconds).
 */
import type { Db } from './database';
import type { LibrarySort, SortDirection } from '../../../shared/contract/documents';
import { viSortKey } from '../../../shared/text/viSortKey';

const withSortKey = new WeakSet<Db>();

function ensureSortKey(db: Db): void {
  if (withSortKey.has(db)) return;
  db.function('vi_sort_key', { deterministic: true }, (text: unknown) =>
    viSortKey(typeof text === 'string' ? text : null),
  );
  withSortKey.add(db);
}

/** [expression, is-missing expression or null, default direction] per column. */
const COLUMNS: Record<LibrarySort, [string, string | null, SortDirection]> = {
  created: ['d.id', null, 'asc'],
  issued: ['d.issued_date', 'd.issued_date IS NULL', 'desc'],
  number: ['vi_sort_key(d.number_notation)', 'd.number_notation IS NULL', 'asc'],
  type: ['vi_sort_key(d.doc_type)', 'd.doc_type IS NULL', 'asc'],
  issuer: ['vi_sort_key(d.issuer)', 'd.issuer IS NULL', 'asc'],
  subject: ['vi_sort_key(coalesce(d.subject, d.file_name))', null, 'asc'],
  title: ['vi_sort_key(coalesce(d.subject, d.file_name))', null, 'asc'],
  pages: ['d.page_count', null, 'asc'],
  // Pages still without text: the documents that need OCR come first when sorted descending.
  ocr: [
    "(SELECT count(*) FROM pages p WHERE p.document_id = d.id AND p.ocr_state IN ('pending', 'failed'))",
    null,
    'desc',
  ],
  access: [
    "CASE d.access_class WHEN 'public' THEN 1 WHEN 'conditional' THEN 2 WHEN 'secret' THEN 3 END",
    'd.access_class IS NULL',
    'asc',
  ],
};

/** The ORDER BY clause (without the keywords) for a sort; import order when none is given. */
function orderSql(db: Db, sort: LibrarySort, direction?: SortDirection): string {
  const [expression, missing, defaultDirection] = COLUMNS[sort];
  if (expression.includes('vi_sort_key')) ensureSortKey(db);
  const dir = (direction ?? defaultDirection) === 'desc' ? 'DESC' : 'ASC';
  return [missing, `${expression} ${dir}`, sort === 'created' ? null : 'd.id'].filter(Boolean).join(', ');
}

interface KeptOrder {
  version: string;
  ids: Int32Array;
  /** When it was sorted and how long that took (ms). */
  at: number;
  cost: number;
}
/** Below this a sort is cheap: done again as soon as the archive changes. */
const CHEAP_MS = 50;
const kept = new WeakMap<Db, Map<string, KeptOrder>>();
const MAX_KEPT = 8;

function archiveVersion(db: Db): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${changes}:${db.pragma('data_version', { simple: true }) as number}`;
}

/**
 * One page of document ids in the sorted order of the filtered documents (`where` and `params`
 * from documentFilters.filterSql over `documents d`).
 */
export function sortedIdPage(
  db: Db,
  filter: { where: string; params: Record<string, unknown> },
  sort: LibrarySort,
  direction: SortDirection | undefined,
  offset: number,
  limit: number,
): number[] {
  const order = orderSql(db, sort, direction);
  const key = `${order}\u0000${filter.where}\u0000${JSON.stringify(filter.params)}`;
  const version = archiveVersion(db);
  let orders = kept.get(db);
  if (!orders) kept.set(db, (orders = new Map()));
  let entry = orders.get(key);
  const fresh = (e: KeptOrder) =>
    e.version === version || (e.cost >= CHEAP_MS && performance.now() - e.at < e.cost * 10);
  if (!entry || !fresh(entry)) {
    const started = performance.now();
    const rows = db.prepare(`SELECT d.id FROM documents d WHERE ${filter.where} ORDER BY ${order}`).pluck().all(filter.params) as number[];
    entry = { version, ids: Int32Array.from(rows), at: performance.now(), cost: performance.now() - started };
    orders.delete(key);
    orders.set(key, entry);
    while (orders.size > MAX_KEPT) orders.delete(orders.keys().next().value!);
  }
  return Array.from(entry.ids.subarray(offset, offset + limit));
}
