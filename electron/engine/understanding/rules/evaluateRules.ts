/**
 * Runs a version's rules over one document: which rules fire, how strongly, on what evidence.
 * Pure. The suggestion (suggest.ts) then decides on the hits alone — rule ids, classes and
 * strengths — and never looks at the text again.
 */
import type { AccessClass } from '../../../../shared/domain/access';
import type { PageText } from '../pageText';
import type { PersonalFinding } from '../personalData';
import type { Stamp } from '../stamps';
import type { CompiledClause, CompiledRule, RuleSet } from './legalData';
import { findPhrase, indexText, type IndexedText, type PhraseMatch } from './phraseMatcher';
import type { Region } from './ruleSchema';

export interface DocumentContext {
  pages: PageText[];
  docType: string | null;
  /** The subject (trích yếu) and where it is printed. */
  subject: { text: string; page: number; start: number; end: number } | null;
}

export interface FoundEvidence {
  stamps: Stamp[];
  /** Secrecy stamps read with a slip (a hint, never a decision). */
  uncertainStamps: Stamp[];
  /** Personal data of private persons (office contacts already left out), by Decree 356 article. */
  personal: { basic: PersonalFinding[]; sensitive: PersonalFinding[] };
  /** The number of a legal normative document ("18/2024/QĐ-UBND"), where the document has one. */
  normativeNumber?: Span[];
}

export interface Span {
  text: string;
  page: number;
  start: number;
  end: number;
}

export interface RuleHit extends Span {
  rule: string;
  ground: string;
  accessClass: AccessClass;
  strength: number;
  explanationVi: string;
  order: number;
  /** Only OCR-uncertain matches: strength capped at the rule set's `uncertainStrength`. */
  uncertain: boolean;
  /** Every span that made the rule fire (highlighting, findings). */
  spans: Span[];
}

interface RegionText {
  ix: IndexedText;
  page: number;
  /** Added to a match's offsets to get page offsets; null when the region is not page text
   *  (the subject as extracted): its matches point at the region's whole span. */
  offset: number | null;
  span: { start: number; end: number };
}

const STAMP_LINE_MAX_WORDS = 12;
const STAMP_LINE_TOP_LINES = 15;

/** Page text split into the regions rules name, indexed once per document. */
class Regions {
  private readonly cache = new Map<Region, RegionText[]>();
  constructor(private readonly ctx: DocumentContext) {}

  get(region: Region): RegionText[] {
    let r = this.cache.get(region);
    if (!r) {
      r = this.build(region);
      this.cache.set(region, r);
    }
    return r;
  }

  private build(region: Region): RegionText[] {
    const { pages, subject, docType } = this.ctx;
    const whole = (p: PageText): RegionText => ({ ix: indexText(p.text), page: p.n, offset: 0, span: { start: 0, end: p.text.length } });
    switch (region) {
      case 'subject':
        return subject ? [{ ix: indexText(subject.text), page: subject.page, offset: null, span: { start: subject.start, end: subject.end } }] : [];
      case 'title':
        return docType ? [{ ix: indexText(docType), page: subject?.page ?? 1, offset: null, span: { start: subject?.start ?? 0, end: subject?.end ?? 0 } }] : [];
      case 'body':
        return pages.map(whole);
      case 'firstPage':
        return pages.slice(0, 1).map(whole);
      case 'stampLine':
        return stampLines(pages);
    }
  }
}

/** Short lines near the top of page 1, and short lines in capitals anywhere: where markings sit. */
function stampLines(pages: PageText[]): RegionText[] {
  const out: RegionText[] = [];
  for (const page of pages) {
    const text = page.text.normalize('NFC');
    let offset = 0;
    let index = 0;
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (line) {
        const words = line.split(/\s+/).length;
        const capitals = line === line.toLocaleUpperCase('vi') && /\p{Lu}/u.test(line);
        if (words <= STAMP_LINE_MAX_WORDS && ((page.n === pages[0]!.n && index < STAMP_LINE_TOP_LINES) || capitals)) {
          const start = offset + raw.indexOf(line);
          out.push({ ix: indexText(line), page: page.n, offset: start, span: { start, end: start + line.length } });
        }
        index += 1;
      }
      offset += raw.length + 1;
    }
  }
  return out;
}

/** A tolerant match that reads exactly as one of the clause's look-alikes is that other phrase. */
function isLookAlike(ix: IndexedText, clause: CompiledClause, m: PhraseMatch): boolean {
  return clause.lookAlikesCompiled.some((l) => findPhrase(ix, l).some((x) => x.start < m.end && m.start < x.end));
}

/** A subject that looks like a subject: not longer than a long trích yếu, and no sentence ending
 *  inside it ("…; Căn cứ", ". Công ty") — otherwise the body ran into it. */
function subjectReliable(subject: DocumentContext['subject']): boolean {
  return !subject || (subject.text.length <= 250 && !/[.;]\s+\p{Lu}/u.test(subject.text));
}

interface ClauseMatch {
  span: Span;
  uncertain: boolean;
}

function matchClause(regions: Regions, clause: CompiledClause, exactOnly: boolean): ClauseMatch | null {
  let uncertain: ClauseMatch | null = null;
  for (const region of clause.in) {
    for (const r of regions.get(region)) {
      for (const phrase of clause.compiled) {
        const found: PhraseMatch[] = findPhrase(r.ix, phrase);
        for (const m of found) {
          if (exactOnly && m.errors > 0) continue;
          if (m.errors > 0 && isLookAlike(r.ix, clause, m)) continue;
          const span: Span =
            r.offset === null
              ? { text: r.ix.text.slice(m.start, m.end), page: r.page, start: r.span.start, end: r.span.end }
              : { text: r.ix.text.slice(m.start, m.end), page: r.page, start: r.offset + m.start, end: r.offset + m.end };
          if (!m.uncertain) return { span: { ...span, text: span.text.replace(/\s+/g, ' ') }, uncertain: false };
          uncertain ??= { span: { ...span, text: span.text.replace(/\s+/g, ' ') }, uncertain: true };
        }
      }
    }
  }
  return uncertain;
}

const asSpan = (f: { text: string; page: number; start: number; end: number }): Span => ({ text: f.text.replace(/\s+/g, ' '), page: f.page, start: f.start, end: f.end });

/** The spans of non-phrase evidence, or null when the document has none of it. */
function evidenceSpans(kind: NonNullable<CompiledRule['evidence']>, found: FoundEvidence): Span[] | null {
  const spans =
    kind === 'secrecy-stamp'
      ? found.stamps.filter((s) => s.kind === 'secrecy').map(asSpan)
      : kind === 'uncertain-secrecy-stamp'
        ? found.uncertainStamps.map(asSpan)
        : kind === 'personal-data'
          ? found.personal.basic.map(asSpan)
          : kind === 'sensitive-personal-data'
            ? found.personal.sensitive.map(asSpan)
            : (found.normativeNumber ?? []);
  return spans.length > 0 ? spans : null;
}

function evaluateRule(rule: CompiledRule, set: RuleSet, ctx: DocumentContext, regions: Regions, found: FoundEvidence): RuleHit | null {
  if (rule.documentTypes && !(ctx.docType && rule.documentTypes.includes(ctx.docType))) return null;
  const spans: Span[] = [];
  let uncertain = false;
  if (rule.evidence) {
    const ev = evidenceSpans(rule.evidence, found);
    if (!ev) return null;
    spans.push(...ev);
  }
  for (const clause of rule.allOf ?? []) {
    const m = matchClause(regions, clause, false);
    if (!m) return null;
    spans.push(m.span);
    uncertain ||= m.uncertain;
  }
  if (rule.anyOf) {
    let best: ClauseMatch | null = null;
    for (const clause of rule.anyOf) {
      const m = matchClause(regions, clause, false);
      if (m && (!best || (best.uncertain && !m.uncertain))) best = m;
      if (best && !best.uncertain) break;
    }
    if (!best) return null;
    spans.unshift(best.span);
    uncertain ||= best.uncertain;
  }
  // Exceptions count only when read for certain for protective rules: a slip never lifts protection,
  // nor does a subject that ran into the body (OCR lost the line that ends it).
  const protective = rule.accessClass !== 'public';
  for (const clause of rule.noneOf ?? []) {
    const where = protective && !subjectReliable(ctx.subject) ? { ...clause, in: clause.in.filter((r) => r !== 'subject') } : clause;
    if (where.in.length > 0 && matchClause(regions, where, protective)) return null;
  }

  const typeOnly = spans.length === 0;
  const head: Span = typeOnly
    ? { text: `${ctx.docType}${ctx.subject ? `: ${ctx.subject.text}` : ''}`, page: ctx.subject?.page ?? 1, start: ctx.subject?.start ?? 0, end: ctx.subject?.end ?? 0 }
    : spans[0]!;
  return {
    ...head,
    rule: rule.id,
    ground: rule.ground,
    accessClass: rule.accessClass,
    strength: uncertain ? Math.min(rule.strength, set.uncertainStrength) : rule.strength,
    explanationVi: rule.explanationVi,
    order: rule.order,
    uncertain,
    spans: typeOnly ? [head] : spans,
  };
}

/** Every rule of the set that fires on the document, in rule order. */
export function evaluateRules(set: RuleSet, ctx: DocumentContext, found: FoundEvidence): RuleHit[] {
  const regions = new Regions(ctx);
  const hits: RuleHit[] = [];
  for (const rule of set.rules) {
    const hit = evaluateRule(rule, set, ctx, regions, found);
    if (hit) hits.push(hit);
  }
  return hits;
}
