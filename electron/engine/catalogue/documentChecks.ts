/**
 * What the export must know about a document's own text before publishing a row of it: does a
 * page carry a secrecy stamp, and which personal-data strings does it hold. Computed from the
 * archive — the page text, the header, the findings — never trusted from whether extraction ran:
 * the finders run over the current text of every document without a valid cached check (table
 * `publication_checks`: SQLite triggers delete a document's row whenever its page text changes,
 * whoever writes it; a row of older finders counts as missing).
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
  finders: string;
  secrecy: string | null;
  personal: string;
  title_key: string | null;
  title_published: string | null;
  title_clean: number | null;
}

/** Checks for the given documents; the finders run only where the cached check is missing. */
export function checkDocuments(db: Db, ids: readonly number[]): Map<number, DocumentCheck> {
  const wanted = new Set(ids);
  const out = new Map<number, DocumentCheck>();
  if (wanted.size === 0) return out;
  for (const r of db.prepare('SELECT * FROM publication_checks').iterate() as Iterable<CachedRow>) {
    if (!wanted.has(r.document_id) || r.finders !== FINDERS_VERSION) continue;
    const title = r.title_key && r.title_published !== null ? { key: r.title_key, published: r.title_published, clean: r.title_clean === 1 } : null;
    out.set(r.document_id, { secrecy: r.secrecy, personal: JSON.parse(r.personal) as string[], title });
  }
  const pagesOf = db.prepare('SELECT n, text FROM pages WHERE document_id = ? ORDER BY n');
  const store = db.prepare(
    `INSERT INTO publication_checks (document_id, finders, secrecy, personal) VALUES (?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET finders = excluded.finders, secrecy = excluded.secrecy, personal = excluded.personal,
       title_key = NULL, title_published = NULL, title_clean = NULL`,
  );
  const fresh: number[] = [];
  for (const id of wanted) {
    if (out.has(id)) continue;
    const pages = (pagesOf.all(id) as { n: number; text: string | null }[]).map((p): PageTextInput => ({ n: p.n, text: p.text ?? '' }));
    out.set(id, { secrecy: secrecyStampOf(pages), personal: personalStringsOf(pages), title: null });
    fresh.push(id);
  }
  if (fresh.length > 0) {
    db.transaction(() => {
      for (const id of fresh) {
        const c = out.get(id)!;
        store.run(id, FINDERS_VERSION, c.secrecy, JSON.stringify(c.personal));
      }
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
