/**
 * What the export must know about a document's own text before publishing a row of it: does a
 * page carry a secrecy stamp, and which personal-data strings does it hold. Computed from the
 * archive — the page text, the header, the findings — never trusted from whether extraction ran:
 * the finders run over the current text whenever it (or the finders) changed since the cached
 * check (table `publication_checks`, keyed by a hash of the text and the finders' version).
 */
import { createHash } from 'node:crypto';
import type { Db } from '../archive/database';
import { FINDERS_VERSION, isIdentifyingFinding, personalStringsOf, secrecyStampOf, type PageTextInput } from './finders';

export interface DocumentCheck {
  /** A secrecy marking from a stamp on a page, the header's secrecy field or a stored finding. */
  secrecy: string | null;
  /** Personal-data strings of the document (identifying kinds): masked in every published title. */
  personal: string[];
  /** The last title checked (see publishedTitleOf). */
  title: { key: string; published: string; clean: boolean } | null;
}

interface CachedRow {
  document_id: number;
  text_sha256: string;
  finders: string;
  secrecy: string | null;
  personal: string;
  title_key: string | null;
  title_published: string | null;
  title_clean: number | null;
}

/**
 * Checks for the given documents. One scan of the page text (hashed per document); the finders
 * run only for documents whose text hash or finders' version differs from the cached check.
 */
export function checkDocuments(db: Db, ids: readonly number[]): Map<number, DocumentCheck> {
  const wanted = new Set(ids);
  const out = new Map<number, DocumentCheck>();
  if (wanted.size === 0) return out;
  const cached = new Map<number, CachedRow>();
  for (const r of db.prepare('SELECT * FROM publication_checks').iterate() as Iterable<CachedRow>) {
    if (wanted.has(r.document_id)) cached.set(r.document_id, r);
  }
  // Page text, hashed per document in one ordered scan.
  const hashes = new Map<number, string>();
  let current = -1;
  let hash = createHash('sha256');
  const flush = () => {
    if (current >= 0) hashes.set(current, hash.digest('hex'));
  };
  for (const p of db.prepare('SELECT document_id, n, text FROM pages ORDER BY document_id, n').iterate() as Iterable<{ document_id: number; n: number; text: string | null }>) {
    if (!wanted.has(p.document_id)) continue;
    if (p.document_id !== current) {
      flush();
      current = p.document_id;
      hash = createHash('sha256');
    }
    hash.update(`${p.n}\u0000${p.text ?? ''}\u0001`);
  }
  flush();
  const pagesOf = db.prepare('SELECT n, text FROM pages WHERE document_id = ? ORDER BY n');
  const store = db.prepare(
    `INSERT INTO publication_checks (document_id, text_sha256, finders, secrecy, personal) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET text_sha256 = excluded.text_sha256, finders = excluded.finders,
       secrecy = excluded.secrecy, personal = excluded.personal, title_key = NULL, title_published = NULL, title_clean = NULL`,
  );
  const fresh: [number, string, string | null, string[]][] = [];
  for (const id of wanted) {
    const textHash = hashes.get(id) ?? createHash('sha256').digest('hex');
    const hit = cached.get(id);
    if (hit && hit.text_sha256 === textHash && hit.finders === FINDERS_VERSION) {
      const title = hit.title_key && hit.title_published !== null ? { key: hit.title_key, published: hit.title_published, clean: hit.title_clean === 1 } : null;
      out.set(id, { secrecy: hit.secrecy, personal: JSON.parse(hit.personal) as string[], title });
      continue;
    }
    const pages = (pagesOf.all(id) as { n: number; text: string | null }[]).map((p): PageTextInput => ({ n: p.n, text: p.text ?? '' }));
    const check = { secrecy: secrecyStampOf(pages), personal: personalStringsOf(pages), title: null };
    out.set(id, check);
    fresh.push([id, textHash, check.secrecy, check.personal]);
  }
  if (fresh.length > 0) {
    db.transaction(() => {
      for (const [id, textHash, secrecy, personal] of fresh) store.run(id, textHash, FINDERS_VERSION, secrecy, JSON.stringify(personal));
    }).immediate();
  }
  // What a person or the extraction stored counts too: the header's secrecy field and findings.
  for (const r of db.prepare("SELECT document_id, value FROM header_fields WHERE key = 'secrecy' AND value IS NOT NULL AND trim(value) != ''").iterate() as Iterable<{ document_id: number; value: string }>) {
    const c = out.get(r.document_id);
    if (c && !c.secrecy) c.secrecy = r.value.trim();
  }
  for (const f of db.prepare("SELECT document_id, kind, text FROM findings WHERE kind = 'stamp:secrecy' OR kind LIKE 'personal:%'").iterate() as Iterable<{ document_id: number; kind: string; text: string }>) {
    const c = out.get(f.document_id);
    if (!c) continue;
    if (f.kind === 'stamp:secrecy') c.secrecy ??= f.text.trim() || 'Mật';
    else if (isIdentifyingFinding(f.kind, f.text)) {
      const text = f.text.replace(/\s+/g, ' ').trim();
      if (text.length >= 2 && !c.personal.includes(text)) c.personal.push(text);
    }
  }
  return out;
}

/**
 * The title a row publishes and whether it is clean — `approved` as stored with the decision, else
 * the header's title masked — remembered per document: the finder over 100 000 titles took
 * seconds per export. The remembered answer is keyed by the finders' version, the title and the
 * document's personal data, so any change of either is checked afresh.
 */
export function publishedTitleOf(
  check: DocumentCheck,
  approved: string | null,
  headerTitle: string,
  mask: (title: string, personal: string[]) => string,
  left: (title: string, personal: string[]) => string[],
): { published: string; clean: boolean; fresh: boolean } {
  const key = createHash('sha256').update(JSON.stringify([FINDERS_VERSION, approved, headerTitle, check.personal])).digest('hex');
  if (check.title?.key === key) return { published: check.title.published, clean: check.title.clean, fresh: false };
  const published = approved ?? mask(headerTitle, check.personal);
  const clean = left(published, check.personal).length === 0;
  check.title = { key, published, clean };
  return { published, clean, fresh: true };
}

/** Stores the titles checked afresh by this plan. */
export function rememberTitles(db: Db, checks: Map<number, DocumentCheck>, ids: readonly number[]): void {
  if (ids.length === 0) return;
  const update = db.prepare('UPDATE publication_checks SET title_key = ?, title_published = ?, title_clean = ? WHERE document_id = ?');
  db.transaction(() => {
    for (const id of ids) {
      const t = checks.get(id)?.title;
      if (t) update.run(t.key, t.published, t.clean ? 1 : 0, id);
    }
  }).immediate();
}
