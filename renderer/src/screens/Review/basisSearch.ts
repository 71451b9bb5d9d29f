/**
 * The legal-basis picker's data: every registry entry as an option with where it sits in the law
 * (article, clause, point — or none yet), which law and version, whether it is verified; and the
 * search the reviewer types into ("đất", "ngân sách", "Điều 7"), diacritics ignored.
 */
import type { BasisEntry, LegalRegistryView } from '../../../../shared/contract/review';
import type { AccessClass } from '../../../../shared/domain/access';
import { fold } from '../../../../shared/text/vietnamese';

export interface BasisOption {
  id: string;
  version: string;
  versionTitle: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** "Điều 17 khoản 1 điểm a", or null when the law's article numbers are not known yet. */
  location: string | null;
  law: string;
  titleVi: string;
  citation: string;
  accessClass: AccessClass | null;
  verified: boolean;
  /** Folded text the search looks in. */
  haystack: string;
}

export function locationOf(e: Pick<BasisEntry, 'article' | 'clause' | 'point'>): string | null {
  if (!e.article) return null;
  return [`Điều ${e.article}`, e.clause ? `khoản ${e.clause}` : '', e.point ? `điểm ${e.point === 'dd' ? 'đ' : e.point}` : '']
    .filter(Boolean)
    .join(' ');
}

/** All entries of every version, the version in force on `today` (ISO date) first. */
export function basisOptions(registry: LegalRegistryView, today: string): BasisOption[] {
  const inForce = (v: { effectiveFrom: string; effectiveTo: string | null }) =>
    v.effectiveFrom <= today && (v.effectiveTo === null || today <= v.effectiveTo);
  const versions = [...registry.versions].sort((a, b) => Number(inForce(b)) - Number(inForce(a)));
  return versions.flatMap((v) =>
    v.entries.map((e) => {
      const location = locationOf(e);
      const law = e.law ?? v.title;
      return {
        id: e.id,
        version: v.id,
        versionTitle: v.title,
        effectiveFrom: v.effectiveFrom,
        effectiveTo: v.effectiveTo,
        location,
        law,
        titleVi: e.titleVi,
        citation: e.citation,
        accessClass: e.accessClass,
        verified: e.verified,
        haystack: fold(` ${location ?? ''} ${e.citation} ${e.titleVi} ${law} ${v.title} ${v.id} ${e.id} `).replace(/\s+/g, ' '),
      };
    }),
  );
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The query as terms: "điều 7" / "khoản 2" / "điểm a" stay one term (so "Điều 7" is not
 *  "Điều 17"), other words are prefixes. */
export function queryTerms(query: string): RegExp[] {
  const words = fold(query).split(/[^a-z0-9]+/).filter(Boolean);
  const terms: RegExp[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i]!;
    const next = words[i + 1];
    if ((w === 'dieu' || w === 'khoan' || w === 'diem') && next !== undefined) {
      terms.push(new RegExp(`(^|[^a-z0-9])${w} ${escape(next)}(?![a-z0-9])`));
      i += 1;
    } else terms.push(new RegExp(`(^|[^a-z0-9])${escape(w)}`));
  }
  return terms;
}

/** Options that support `access` (or any class) and match every term of the query. */
export function matchBasis(options: readonly BasisOption[], query: string, access: AccessClass | null): BasisOption[] {
  const terms = queryTerms(query);
  return options.filter(
    (o) =>
      (access === null || o.accessClass === null || o.accessClass === access) && terms.every((t) => t.test(o.haystack)),
  );
}

export function findOption(options: readonly BasisOption[], id: string | null | undefined): BasisOption | undefined {
  return id ? options.find((o) => o.id === id) : undefined;
}
