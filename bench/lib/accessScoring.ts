/**
 * Scoring access suggestions against a corpus truth: class, legal basis (article + clause +
 * point, read against Law 104/2016's numbering whatever version suggested it), "needs review",
 * and protected documents suggested public.
 */
import type { AccessClass } from '../../shared/domain/access';
import type { LegalRegistry, BasisEntry } from '../../electron/engine/understanding/legalRegistry';
import type { Suggestion } from '../../electron/engine/understanding/suggest';

export interface TruthBasis {
  article: number;
  clause: number | null;
  point: string | null;
}

/** "Điều 17 khoản 1 điểm d; điểm l (uncertain)" → [17/1/d, 17/1/l]. */
export function parseTruthBasis(text: string): TruthBasis[] {
  const m = /Điều\s+(\d+)(?:\s+khoản\s+(\d+))?/u.exec(text);
  if (!m) return [];
  const article = Number(m[1]);
  const clause = m[2] ? Number(m[2]) : null;
  const points = [...text.matchAll(/điểm\s+(đ|[a-p])(?!\p{L})/gu)].map((p) => p[1]!);
  return points.length > 0 ? points.map((point) => ({ article, clause, point })) : [{ article, clause, point: null }];
}

/** The 2016 registry entry a truth basis names. */
export function truthEntry(registry: LegalRegistry, basis: TruthBasis): BasisEntry | null {
  return registry.entries('2016').find((e) => e.article === basis.article && e.clause === basis.clause && (e.point ?? null) === basis.point) ?? null;
}

/** A suggestion's basis in 2016 numbering (a 2026 entry through its ground). */
function in2016(registry: LegalRegistry, basisId: string | null, version: string): BasisEntry | null {
  if (!basisId) return null;
  const entry = registry.find(basisId, version);
  if (!entry) return null;
  return entry.version === '2016' ? entry : registry.counterpart(entry, '2016');
}

export interface Scored {
  id: string;
  corpus: string;
  expected: AccessClass;
  got: AccessClass | null;
  classRight: boolean;
  basisRight: boolean;
  protectedToPublic: boolean;
  source: Suggestion['source'];
}

export function score(registry: LegalRegistry, id: string, corpus: string, expected: AccessClass, truthBasis: string, s: Suggestion): Scored {
  const got = in2016(registry, s.basisId, s.basisVersion);
  const wanted = parseTruthBasis(truthBasis);
  return {
    id,
    corpus,
    expected,
    got: s.class,
    classRight: s.class === expected,
    basisRight: got !== null && wanted.some((w) => w.article === got.article && w.clause === got.clause && (got.point ?? null) === w.point),
    protectedToPublic: expected !== 'public' && s.class === 'public',
    source: s.source,
  };
}

export interface Summary {
  n: number;
  classRight: number;
  basisRight: number;
  publicN: number;
  publicNeedsReview: number;
  protectedToPublic: number;
  byModel: number;
}

export function summarise(rows: Scored[]): Summary {
  const pub = rows.filter((r) => r.expected === 'public');
  return {
    n: rows.length,
    classRight: rows.filter((r) => r.classRight).length,
    basisRight: rows.filter((r) => r.basisRight).length,
    publicN: pub.length,
    publicNeedsReview: pub.filter((r) => r.got === null).length,
    protectedToPublic: rows.filter((r) => r.protectedToPublic).length,
    byModel: rows.filter((r) => r.source === 'model').length,
  };
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);

export function summaryRow(label: string, s: Summary): string {
  return `| ${label} | ${s.n} | ${s.classRight}/${s.n} (${pct(s.classRight, s.n)}) | ${s.basisRight}/${s.n} (${pct(s.basisRight, s.n)}) | ${s.publicNeedsReview}/${s.publicN} (${pct(s.publicNeedsReview, s.publicN)}) | ${s.protectedToPublic} | ${s.byModel} |`;
}

export const SUMMARY_HEADER = '| configuration | docs | class right | basis right | public → needs review | protected → public | proposed by model |\n|---|---|---|---|---|---|---|';

/** Seeded shuffle (mulberry32), so folds are the same on every run. */
export function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
