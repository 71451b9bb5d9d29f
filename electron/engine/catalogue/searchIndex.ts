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

export function searchIndexFiles(plan: ExportPlan): Map<string, string> {
  const tokenShards = new Map<string, Map<string, string[]>>();
  const docShards = new Map<string, [string, unknown[]][]>();
  const docPrefix = plan.publicEntries.length + plan.conditionalEntries.length > ONE_LETTER_SHARDS_UP_TO ? 2 : 1;
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
  const add = (key: string, texts: (string | null)[], shared: (string | null)[], entry: unknown[]) => {
    const seen = new Set<string>();
    for (let i = 0; i < texts.length; i += 1) {
      const t = texts[i];
      // The title is usually the subject itself.
      if (t && (i === 0 || t !== texts[0])) for (const token of tokens(t)) seen.add(token);
    }
    for (const t of shared) if (t) for (const token of tokensOfRepeated(t)) seen.add(token);
    for (const token of seen) {
      const shard = shardKey(token);
      let shardTokens = tokenShards.get(shard);
      if (!shardTokens) tokenShards.set(shard, (shardTokens = new Map()));
      let keys = shardTokens.get(token);
      if (!keys) shardTokens.set(token, (keys = []));
      keys.push(key); // once per entry (seen), entries in key order: the list is sorted and unique
    }
    const n = key.slice(3, 3 + docPrefix);
    let docs = docShards.get(n);
    if (!docs) docShards.set(n, (docs = []));
    docs.push([key, entry]);
  };
  // Entries are added in key order, so every posting list comes out sorted without sorting it.
  const all: [string, () => void][] = [];
  for (const e of plan.publicEntries) {
    const key = `tl-${e.publicId}`;
    all.push([key, () => add(key, [e.title, e.numberNotation, e.subject], [e.docType, e.issuer], [e.title, e.numberNotation, e.issuedDate, documentPageFile(e.publicId), 'public'])]);
  }
  plan.conditionalEntries.forEach((e, i) => {
    const href = `${conditionalPageFile(Math.floor(i / ROWS_PER_PAGE) + 1)}#${e.anchor}`;
    all.push([e.anchor, () => add(e.anchor, [e.title, e.numberNotation], [], [e.title, e.numberNotation, e.issuedDate, href, 'conditional'])]);
  });
  all.sort(([a], [b]) => byKey(a, b));
  for (const [, run] of all) run();
  const files = new Map<string, string>();
  for (const [shard, shardTokens] of [...tokenShards].sort(([a], [b]) => byKey(a, b))) {
    const obj: Record<string, string[]> = {};
    for (const [token, keys] of [...shardTokens].sort(([a], [b]) => byKey(a, b))) obj[token] = keys;
    files.set(`assets/search/t-${shard}.js`, `MBSearch.tokens(${JSON.stringify(shard)},${JSON.stringify(obj)});\n`);
  }
  for (const [n, docs] of [...docShards].sort(([a], [b]) => byKey(a, b))) {
    const obj = Object.fromEntries(docs);
    files.set(`assets/search/d-${n}.js`, `MBSearch.docs(${JSON.stringify(n)},${JSON.stringify(obj)});\n`);
  }
  // The list of shards that exist, so the script never requests a missing file (a 404 over http,
  // an error over file://).
  const shards = { tokens: [...tokenShards.keys()].sort(), docPrefix };
  files.set('assets/search/shards.js', `MBSearch.shards(${JSON.stringify(shards)});\n`);
  return files;
}
