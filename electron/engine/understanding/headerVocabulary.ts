/**
 * The header extractor's vocabulary (resources/legal/header-vocabulary.json), compiled once into
 * the lookups the extractor uses: folded and despaced keys, abbreviation patterns.
 */
import { fold } from '../../../shared/text/vietnamese';
import { legalData } from './rules/legalData';
import type { HeaderVocabulary } from './rules/ruleSchema';

/** Folded with everything but letters and digits removed: "TƯ PHÁP", "TƯPHÁP", "Tư-pháp" → "tuphap". */
export function despaced(text: string): string {
  return fold(text).replace(/[^a-z0-9]/g, '');
}

export interface CompiledHeaderVocabulary {
  source: HeaderVocabulary;
  issuerStarts: string[];
  signerTitles: string[];
  /** Despaced body → its head's title ("uybannhandan" → "Chủ tịch"). */
  collectiveHeads: [string, string][];
  officeHeads: [string, string][];
  minutesRoles: string[];
  abbreviations: [RegExp, string][];
  glued: RegExp;
  localityTypes: string[];
  localityFolded: string[];
  /** Folded → official spelling, in file order. */
  bodySpellings: [string, string][];
  bodyHeads: [string, string][];
  titleSpellings: [string, string][];
  sectorByDespaced: Map<string, string>;
  phraseByFold: Map<string, string>;
}

let cached: CompiledHeaderVocabulary | null = null;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function headerVocabulary(source: HeaderVocabulary = legalData().header): CompiledHeaderVocabulary {
  if (cached?.source === source) return cached;
  const byFold = (words: string[]): [string, string][] => words.map((w) => [fold(w), w]);
  cached = {
    source,
    issuerStarts: source.issuerStarts,
    signerTitles: source.signerTitles,
    collectiveHeads: source.collectiveHeads.map((c) => [despaced(c.body), c.head]),
    officeHeads: source.officeHeads.map((o) => [despaced(o.office), o.head]),
    minutesRoles: source.minutesRoles.map((r) => fold(r)),
    abbreviations: source.abbreviations.map((a) =>
      a.abbr.endsWith('.') ? [new RegExp(`\\b${escape(a.abbr)}\\s*`, 'gu'), `${a.full} `] : [new RegExp(`\\b${escape(a.abbr)}\\b`, 'gu'), a.full],
    ),
    glued: new RegExp(`(${source.gluedAbbreviations.map(escape).join('|')})(?=\\p{Lu}{2})`, 'gu'),
    localityTypes: source.localityTypes,
    localityFolded: source.localityTypes.map((t) => fold(t)),
    bodySpellings: byFold(source.bodySpellings),
    bodyHeads: byFold(source.bodyHeads),
    titleSpellings: byFold(source.titleSpellings),
    sectorByDespaced: new Map(source.sectors.map((s) => [despaced(s), s])),
    phraseByFold: new Map(source.restorablePhrases.map((p) => [fold(p), p])),
  };
  return cached;
}
