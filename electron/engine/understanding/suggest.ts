/**
 * Evidence → an access-class suggestion with reasons.
 *
 * The rules (resources/legal/rules-<version>.json, run by rules/evaluateRules.ts) produce hits:
 * rule id, ground, class, strength. Precedence decides on those alone, never by reading the text
 * again:
 *   1. a secret hit at or above the rule set's `decideAt` → secret (the strongest hit's ground);
 *   2. else a conditional hit at or above it → conditional;
 *   3. else any secret or conditional hit below it (an OCR-uncertain marker, a meeting-conclusions
 *      notice) → "needs review": a protective hint is never outvoted (only confirmed, when the
 *      model is sure of the hint's own ground);
 *   4. else the strongest public hit → public, with its Art. 17 point;
 *   5. else the agency's own model (model/), if it is sure enough → its class and ground; a
 *      protective prediction is proposed too (failing closed), a public one only where no rule
 *      fired;
 *   6. else "needs review" (class null) — never public by default.
 * A public rule hit is also held back for review when the model is very sure the agency would
 * protect such a document (`model.holdBackAt`).
 */
import type { AccessClass } from '../../../shared/domain/access';
import { localToday } from '../clock';
import type { ExtractedHeader } from './headerExtractor';
import type { PageText } from './pageText';
import { findPersonalData, personalDataOfPersons, tiedToPerson, type PersonalFinding } from './personalData';
import { findStamps, findUncertainSecrecyStamps, type Stamp } from './stamps';
import type { LegalRegistry } from './legalRegistry';
import { legalData, ruleSet, type LegalData } from './rules/legalData';
import { evaluateRules, type RuleHit, type Span } from './rules/evaluateRules';
import type { AccessModel, ModelInput } from './model/types';

export { tiedToPerson };

export const ENGINE_VERSION = 'understanding-2';

export interface Reason {
  text: string;
  page: number;
  rule: string;
  /** Who proposed it: the law's rules, or the agency's past decisions (the model). */
  source?: 'rules' | 'model';
  /** "theo quy định: …" / "theo các quyết định trước đây của cơ quan, độ tin cậy 87 %". */
  explanation?: string;
}

export interface Suggestion {
  class: AccessClass | null;
  basisId: string | null;
  basisVersion: string;
  reasons: Reason[];
  source: 'rules' | 'model' | null;
  /** The model's probability when it proposed the class; null for rules. */
  confidence: number | null;
}

/** A rule hit, as stored in `findings` (`signal:<ground>`) and shown as evidence. */
export type Signal = RuleHit;

export interface Evidence {
  /** The law version the rules ran for. */
  version: string;
  stamps: Stamp[];
  uncertainStamps: Stamp[];
  personal: PersonalFinding[];
  signals: Signal[];
  /** What the model reads. */
  modelInput: ModelInput;
}

export interface SuggestOptions {
  data?: LegalData;
  /** The decision day (yyyy-mm-dd) whose law applies; default today. */
  asOf?: string;
  /** A version to use regardless of the day. */
  version?: string;
  model?: AccessModel | null;
}

const MAX_REASONS = 8;

function versionFor(registry: LegalRegistry, options: SuggestOptions): string {
  return options.version ?? registry.versionOn(options.asOf ?? localToday());
}

/** A legal normative document's number: number/year/code ("18/2024/QĐ-UBND", Law 80/2015 Art. 8). */
const NORMATIVE_NUMBER = /(?:^|\n)[ \t]*S[ốoô][ \t]*[:.]?[ \t]*(\d{1,4}[ \t]*\/[ \t]*(?:19|20)\d{2}[ \t]*\/[ \t]*\p{Lu}[\p{Lu}\d]*(?:-[\p{Lu}\d]+)*)/u;

function normativeNumber(pages: PageText[]): Span[] {
  const first = pages[0];
  const m = first ? NORMATIVE_NUMBER.exec(first.text.normalize('NFC').slice(0, 1500)) : null;
  if (!first || !m) return [];
  const start = m.index + m[0].length - m[1]!.length;
  return [{ text: m[1]!, page: first.n, start, end: start + m[1]!.length }];
}

/** Without an extracted subject (a title outside Decree 30's list, "KẾT LUẬN THANH TRA"), the
 *  lines after the date line stand in for it: that is where the title and subject are printed. */
function subjectOf(pages: PageText[], header: ExtractedHeader): { text: string; page: number; start: number; end: number } | null {
  if (header.subject) return { text: header.subject.value, page: header.subject.page, start: header.subject.spanStart, end: header.subject.spanEnd };
  const date = header.issuedDate;
  const page = date ? pages.find((p) => p.n === date.page) : undefined;
  if (!date || !page) return null;
  const after = page.text.normalize('NFC').slice(date.spanEnd);
  const lines = after.split('\n').filter((l) => l.trim()).slice(0, 3);
  if (lines.length === 0) return null;
  const text = lines.join(' ').replace(/\s+/g, ' ').trim().slice(0, 300);
  const start = date.spanEnd + after.indexOf(lines[0]!);
  return { text, page: page.n, start, end: start + lines.join('\n').length };
}

export function gatherEvidence(pages: PageText[], header: ExtractedHeader, options: SuggestOptions = {}): Evidence {
  const data = options.data ?? legalData();
  const version = versionFor(data.registry, options);
  const stamps = findStamps(pages, data.markings);
  const uncertainStamps = findUncertainSecrecyStamps(pages, data.markings);
  const personal = findPersonalData(pages, data.personal);
  const subject = subjectOf(pages, header);
  const docType = header.docType?.value ?? null;
  const signals = evaluateRules(
    ruleSet(version, data),
    { pages, docType, subject },
    { stamps, uncertainStamps, personal: personalDataOfPersons(personal, data.personal), normativeNumber: normativeNumber(pages) },
  );
  return {
    version,
    stamps,
    uncertainStamps,
    personal,
    signals,
    modelInput: { subject: subject?.text ?? null, docType, issuer: header.issuer?.value ?? null, firstPage: pages[0]?.text ?? '' },
  };
}

const byStrength = (a: RuleHit, b: RuleHit) => b.strength - a.strength || a.order - b.order;

const percent = (p: number) => `${Math.round(p * 100)} %`;

export function suggestAccess(header: ExtractedHeader, evidence: Evidence, options: SuggestOptions = {}): Suggestion {
  void header;
  const data = options.data ?? legalData();
  const registry = data.registry;
  const version = evidence.version;
  const set = ruleSet(version, data);
  const entryOf = (ground: string) => registry.byGround(ground, version);
  const ruleReasons = (hits: RuleHit[]): Reason[] =>
    hits.flatMap((h) => h.spans.map((s) => ({ text: s.text, page: s.page, rule: h.rule, source: 'rules' as const, explanation: `theo quy định: ${h.explanationVi} (${registry.citation(entryOf(h.ground))})` }))).slice(0, MAX_REASONS);
  const partialNote = (cls: AccessClass): Reason[] =>
    registry.version(version).partialDisclosure && cls !== 'public'
      ? [{ text: 'Luật cho phép cung cấp phần thông tin tách được: có thể che các đoạn nêu trên rồi cung cấp phần còn lại.', page: 1, rule: 'note.partial-disclosure', source: 'rules' }]
      : [];
  const fromRules = (cls: AccessClass, hits: RuleHit[]): Suggestion => {
    const sorted = [...hits].sort(byStrength);
    return { class: cls, basisId: entryOf(sorted[0]!.ground).id, basisVersion: version, reasons: [...ruleReasons(sorted), ...partialNote(cls)].slice(0, MAX_REASONS), source: 'rules', confidence: null };
  };
  const needsReview = (reasons: Reason[]): Suggestion => ({ class: null, basisId: null, basisVersion: version, reasons, source: null, confidence: null });

  const decisive = evidence.signals.filter((h) => h.strength >= set.decideAt);
  for (const cls of ['secret', 'conditional'] as const) {
    const hits = decisive.filter((h) => h.accessClass === cls);
    if (hits.length > 0) return fromRules(cls, hits);
  }
  const prediction = options.model?.predict(evidence.modelInput) ?? null;
  const modelSettings = options.model?.settings ?? null;
  const modelReason = (p: NonNullable<typeof prediction>, text: string): Reason => ({
    text,
    page: 1,
    rule: 'model.prediction',
    source: 'model',
    explanation: `theo các quyết định trước đây của cơ quan, độ tin cậy ${percent(p.probability)}${p.terms.length ? `; từ ngữ quyết định: ${p.terms.join(', ')}` : ''}`,
  });
  const hints = evidence.signals.filter((h) => h.accessClass !== 'public');
  if (hints.length > 0) {
    // A hint is never outvoted; where the agency's past decisions, sure enough, protect on the
    // hint's own ground, the hint becomes the proposal.
    const agreeing = prediction && modelSettings && prediction.probability >= modelSettings.proposeAt && hints.some((h) => h.ground === prediction.ground);
    if (agreeing) {
      const entry = entryOf(prediction.ground);
      return {
        class: entry.accessClass!,
        basisId: entry.id,
        basisVersion: version,
        reasons: [modelReason(prediction, `Các quyết định trước đây của cơ quan cùng bảo vệ loại văn bản này: ${entry.titleVi}.`), ...ruleReasons([...hints].sort(byStrength))].slice(0, MAX_REASONS),
        source: 'model',
        confidence: prediction.probability,
      };
    }
    return needsReview(ruleReasons([...hints].sort(byStrength)));
  }
  const publicHits = decisive.filter((h) => h.accessClass === 'public');
  if (publicHits.length > 0) {
    const veto = prediction && modelSettings && prediction.accessClass !== 'public' && prediction.probability >= modelSettings.holdBackAt;
    if (veto) {
      return needsReview([
        modelReason(prediction, `Quy định đề xuất công khai, nhưng cơ quan thường không công khai văn bản tương tự (${entryOf(prediction.ground).titleVi}).`),
        ...ruleReasons(publicHits),
      ]);
    }
    // Where only a weak public rule fired (a document type, a generic word), the agency's own
    // practice may name the point better: the model's public ground, when it is sure.
    const top = [...publicHits].sort(byStrength)[0]!;
    if (prediction && modelSettings && prediction.accessClass === 'public' && prediction.ground !== top.ground && top.strength < modelSettings.refinePublicBelow && prediction.probability >= modelSettings.proposePublicAt) {
      const entry = entryOf(prediction.ground);
      return {
        class: 'public',
        basisId: entry.id,
        basisVersion: version,
        reasons: [modelReason(prediction, `Công khai; căn cứ theo các quyết định trước đây của cơ quan: ${entry.titleVi}.`), ...ruleReasons(publicHits)].slice(0, MAX_REASONS),
        source: 'model',
        confidence: prediction.probability,
      };
    }
    return fromRules('public', publicHits);
  }
  if (prediction && modelSettings && prediction.probability >= (prediction.accessClass === 'public' ? modelSettings.proposePublicAt : modelSettings.proposeAt)) {
    const entry = entryOf(prediction.ground);
    const cls = entry.accessClass!;
    return {
      class: cls,
      basisId: entry.id,
      basisVersion: version,
      reasons: [modelReason(prediction, `Đề xuất theo các quyết định trước đây của cơ quan: ${entry.titleVi}.`), ...partialNote(cls)],
      source: 'model',
      confidence: prediction.probability,
    };
  }
  const reasons: Reason[] = [{ text: 'Không có dấu hiệu nào đủ để đề xuất; cần người xem xét.', page: 1, rule: 'needs-review', source: 'rules' }];
  if (prediction) reasons.push(modelReason(prediction, `Các quyết định trước đây gợi ý: ${entryOf(prediction.ground).titleVi}, nhưng chưa đủ tin cậy.`));
  return needsReview(reasons);
}
