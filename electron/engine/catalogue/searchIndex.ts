/**
 * A small prebuilt search index for the static site, no server needed. Tokens are folded (no
 * diacritics, đ→d, lower case) so "tiep can thong tin" finds "tiếp cận thông tin". The index is
 * split into shards so a query loads a few KB, and the shards are JavaScript files (not JSON):
 * over file:// Chromium refuses fetch(), but a <script src> from the site's own folder passes the
 * CSP (`script-src 'self'`) in both places.
 *
 *   assets/search/t-<2 chars>.js  token → keys of the entries that contain it
 *   assets/search/d-<p>.js        entries (title, number, date, link, kind) whose public id starts with p
 * Keys are "tl-<public id>" (public) and "dk-<public id>" (conditional): opaque random ids, so the
 * shards are even; p is the id's first letter (≤ 10 000 entries) or first two (more): a few
 * hundred entries a shard, and a change to one entry rewrites only the shards it touches.
 *
 * Built incrementally: the process keeps the last index it built (postings, entries, rendered
 * shards) and the next export compares each entry's search record with the one it had; only the
 * entries that changed, arrived or left are tokenised again, and only the shards they touch are
 * rendered again. The result is the same text a build from nothing gives (tested), because every
 * shard is rendered from sorted postings and sorted entries either way.
 */
import { fold } from '../../../shared/text/vietnamese';
import { conditionalPageFile, documentPageFile, ROWS_PER_PAGE } from './sitePages';
import type { ExportPlan } from './types';

/** Entries per catalogue above which document shards are keyed by two letters of the id, not one. */
const ONE_LETTER_SHARDS_UP_TO = 10_000;

export function tokensOf(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

/** tokensOf, folding each word once: titles of 100 000 entries repeat the same few thousand
 *  Vietnamese syllables. Words are cut at anything not a letter, digit or combining mark, which
 *  the folded text would cut at too. */
function cachedTokens(cache: Map<string, string[]>) {
  return (text: string): string[] => {
    const out: string[] = [];
    for (const word of text.split(/[^\p{L}\p{N}\p{M}]+/u)) {
      if (!word) continue;
      let tokens = cache.get(word);
      if (!tokens) {
        tokens = tokensOf(word);
        if (cache.size < 500_000) cache.set(word, tokens);
      }
      for (const t of tokens) out.push(t);
    }
    return out;
  };
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function shardKey(token: string): string {
  return token.length >= 2 ? token.slice(0, 2) : `${token}_`;
}

/** One entry as the index sees it. */
interface SearchRecord {
  key: string;
  /** Own texts (title, number, subject): tokenised per entry. */
  texts: (string | null)[];
  /** Texts many entries share (type, issuer): tokenised once per value. */
  shared: (string | null)[];
  /** What the results list shows: [title, number, date, link, kind]. */
  shown: unknown[];
}

interface IndexState {
  docPrefix: number;
  /** Per entry key: its record's JSON (what decides whether it changed), tokens and shown JSON. */
  entries: Map<string, { signature: string; tokens: string[]; shown: string }>;
  postings: Map<string, Map<string, string[]>>;
  docs: Map<string, Set<string>>;
  files: Map<string, string>;
}

/** The last index this process built: the next one is derived from it. */
let last: IndexState | null = null;

/** Forgets the last index (tests: an incremental build is compared with one from nothing). */
export function resetSearchIndexCache(): void {
  last = null;
}

function recordsOf(plan: ExportPlan): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const e of plan.publicEntries) {
    records.push({ key: `tl-${e.publicId}`, texts: [e.title, e.numberNotation, e.subject], shared: [e.docType, e.issuer], shown: [e.title, e.numberNotation, e.issuedDate, documentPageFile(e.publicId), 'public'] });
  }
  plan.conditionalEntries.forEach((e, i) => {
    const href = `${conditionalPageFile(Math.floor(i / ROWS_PER_PAGE) + 1)}#${e.anchor}`;
    records.push({ key: e.anchor, texts: [e.title, e.numberNotation], shared: [], shown: [e.title, e.numberNotation, e.issuedDate, href, 'conditional'] });
  });
  return records;
}

function tokeniser(): (r: SearchRecord) => string[] {
  const tokens = cachedTokens(new Map());
  // Type and issuer repeat across thousands of entries: tokenised once per distinct value.
  const repeated = new Map<string, string[]>();
  const tokensOfRepeated = (text: string) => {
    let list = repeated.get(text);
    if (!list) {
      list = tokens(text);
      if (repeated.size < 10_000) repeated.set(text, list);
    }
    return list;
  };
  return (r) => {
    const seen = new Set<string>();
    for (let i = 0; i < r.texts.length; i += 1) {
      const t = r.texts[i];
      // The title is usually the subject itself.
      if (t && (i === 0 || t !== r.texts[0])) for (const token of tokens(t)) seen.add(token);
    }
    for (const t of r.shared) if (t) for (const token of tokensOfRepeated(t)) seen.add(token);
    return [...seen];
  };
}

/** Index of `key` in a sorted list, or where it would go (binary search). */
function position(list: string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function renderTokenShard(shard: string, tokens: Map<string, string[]>): string {
  const obj: Record<string, string[]> = {};
  for (const token of [...tokens.keys()].sort(byKey)) obj[token] = tokens.get(token)!;
  return `MBSearch.tokens(${JSON.stringify(shard)},${JSON.stringify(obj)});\n`;
}

function renderDocShard(n: string, keys: Set<string>, entries: IndexState['entries']): string {
  const parts = [...keys].sort(byKey).map((k) => `${JSON.stringify(k)}:${entries.get(k)!.shown}`);
  return `MBSearch.docs(${JSON.stringify(n)},{${parts.join(',')}});\n`;
}

export function searchIndexFiles(plan: ExportPlan): Map<string, string> {
  const records = recordsOf(plan);
  const docPrefix = records.length > ONE_LETTER_SHARDS_UP_TO ? 2 : 1;
  const state: IndexState =
    last && last.docPrefix === docPrefix ? last : { docPrefix, entries: new Map(), postings: new Map(), docs: new Map(), files: new Map() };
  last = null; // while it is being changed; put back when complete
  const tokensOfRecord = tokeniser();
  const dirtyTokens = new Set<string>();
  const dirtyDocs = new Set<string>();
  const docShard = (key: string) => key.slice(3, 3 + docPrefix);
  const removeEntry = (key: string) => {
    const old = state.entries.get(key)!;
    for (const token of old.tokens) {
      const shard = shardKey(token);
      const tokens = state.postings.get(shard)!;
      const keys = tokens.get(token)!;
      keys.splice(position(keys, key), 1);
      if (keys.length === 0) tokens.delete(token);
      if (tokens.size === 0) state.postings.delete(shard);
      dirtyTokens.add(shard);
    }
    const n = docShard(key);
    const docs = state.docs.get(n)!;
    docs.delete(key);
    if (docs.size === 0) state.docs.delete(n);
    dirtyDocs.add(n);
    state.entries.delete(key);
  };
  const current = new Set<string>();
  const added: { record: SearchRecord; signature: string }[] = [];
  for (const r of records) {
    current.add(r.key);
    const signature = JSON.stringify([r.texts, r.shared, r.shown]);
    const old = state.entries.get(r.key);
    if (old?.signature === signature) continue;
    if (old) removeEntry(r.key);
    added.push({ record: r, signature });
  }
  for (const key of [...state.entries.keys()]) if (!current.has(key)) removeEntry(key);
  // Added in key order, so a build from nothing appends to every posting list (no insertion).
  added.sort((a, b) => byKey(a.record.key, b.record.key));
  for (const { record, signature } of added) {
    const tokens = tokensOfRecord(record);
    state.entries.set(record.key, { signature, tokens, shown: JSON.stringify(record.shown) });
    for (const token of tokens) {
      const shard = shardKey(token);
      let shardTokens = state.postings.get(shard);
      if (!shardTokens) state.postings.set(shard, (shardTokens = new Map()));
      let keys = shardTokens.get(token);
      if (!keys) shardTokens.set(token, (keys = []));
      if (keys.length === 0 || keys[keys.length - 1]! < record.key) keys.push(record.key);
      else keys.splice(position(keys, record.key), 0, record.key);
      dirtyTokens.add(shard);
    }
    const n = docShard(record.key);
    let docs = state.docs.get(n);
    if (!docs) state.docs.set(n, (docs = new Set()));
    docs.add(record.key);
    dirtyDocs.add(n);
  }
  for (const shard of dirtyTokens) {
    const file = `assets/search/t-${shard}.js`;
    const tokens = state.postings.get(shard);
    if (tokens) state.files.set(file, renderTokenShard(shard, tokens));
    else state.files.delete(file);
  }
  for (const n of dirtyDocs) {
    const file = `assets/search/d-${n}.js`;
    const docs = state.docs.get(n);
    if (docs) state.files.set(file, renderDocShard(n, docs, state.entries));
    else state.files.delete(file);
  }
  // The list of shards that exist, so the script never requests a missing file (a 404 over http,
  // an error over file://).
  const shards = { tokens: [...state.postings.keys()].sort(), docPrefix };
  state.files.set('assets/search/shards.js', `MBSearch.shards(${JSON.stringify(shards)});\n`);
  last = state;
  return new Map([...state.files].sort(([a], [b]) => byKey(a, b)));
}
