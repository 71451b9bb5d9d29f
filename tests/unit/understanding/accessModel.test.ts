import { describe, expect, it } from 'vitest';
import { understandPages } from '../../../electron/engine/understanding/index';
import { shareableModel, trainModel, WinkAccessModel, type TrainingExample } from '../../../electron/engine/understanding/model/accessModel';
import { modelTokens } from '../../../electron/engine/understanding/model/features';
import { OWN_DOCUMENTS } from '../../../bench/ownCorpus/build';
import type { OwnDocument } from '../../../bench/ownCorpus/types';

/** The own corpus's documents as page text, the way the text layer reads (header columns in turn). */
function pageOf(d: OwnDocument): string {
  const date = `${d.place}, ngày ${Number(d.date.slice(8))} tháng ${Number(d.date.slice(5, 7))} năm ${d.date.slice(0, 4)}`;
  return [
    ...d.issuer,
    `Số: ${d.number}/${d.notation}`,
    ...(d.title ? [] : d.subject),
    ...(d.marks ?? []),
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    date,
    ...(d.title ? [d.title, ...d.subject] : []),
    ...(d.preamble ?? []),
    ...(d.to ? [d.to] : []),
    ...d.body,
    'Nơi nhận:',
    ...d.recipients.map((r) => `- ${r}`),
    ...d.sign.lines,
    d.sign.name,
  ].join('\n');
}

const GROUND: Record<string, string> = { 'Điều 17 khoản 2': 'publish:other', 'Điều 6 khoản 2': 'internal-or-harmful', 'Điều 6 khoản 1': 'state-secret' };
const understood = OWN_DOCUMENTS.map((d) => ({ d, u: understandPages([{ n: 1, text: pageOf(d) }], { version: '2016', model: null }) }));
const byId = new Map(understood.map((x) => [x.d.id, x]));
const example = (id: string, ground: string, accessClass: TrainingExample['accessClass'] = 'public'): TrainingExample => ({ tokens: modelTokens(byId.get(id)!.u.evidence.modelInput), ground, accessClass });

/** What an agency would have decided on the own corpus, as training examples (by truth basis). */
function decided(ids: string[]): TrainingExample[] {
  return ids.map((id) => {
    const d = byId.get(id)!.d;
    const point = /điểm (đ|[a-p])/.exec(d.basis)?.[1];
    const ground =
      GROUND[d.basis] ??
      (point
        ? { a: 'publish:legal-and-procedures', b: 'publish:law-guidance', c: 'publish:drafts-and-consultation', d: 'publish:plans-and-programmes', đ: 'publish:budget', e: 'publish:aid-and-funds', g: 'publish:public-investment-and-procurement', h: 'publish:state-capital', i: 'publish:health-environment', k: 'publish:organisation', l: 'publish:reports-and-personnel', m: 'publish:access-to-information', n: 'publish:public-interest', o: 'publish:taxes-and-fees', p: 'publish:other-by-law' }[point]!
        : d.basis === 'Điều 7 khoản 1'
          ? 'business-secret'
          : 'private-life');
    return example(id, ground, d.access);
  });
}

const TRAINING = ['o01', 'o03', 'o04', 'o08', 'o10', 'o12', 'o14', 'o16', 'o21', 'o23', 'o25', 'o26', 'o28', 'o30', 'o32', 'o34', 'o38', 'o43', 'o44', 'o48', 'o49', 'o50', 'o52', 'o53', 'o54'];

describe('the access model (naive Bayes over folded subject, type, issuer and page 1)', () => {
  const model = new WinkAccessModel(trainModel(decided(TRAINING), null));

  it('learns a kind the law does not name from the agency decisions: a weekly schedule is proposed public (Art. 17 cl. 2) with its confidence and words', () => {
    const s = byId.get('o51')!;
    const suggestion = understandPages([{ n: 1, text: pageOf(s.d) }], { version: '2016', model }).suggestion;
    expect(understandPages([{ n: 1, text: pageOf(s.d) }], { version: '2016', model: null }).suggestion.class).toBeNull();
    expect(suggestion).toMatchObject({ class: 'public', basisId: 'L104.D17.K2', source: 'model' });
    expect(suggestion.confidence).toBeGreaterThanOrEqual(model.settings.proposePublicAt);
    expect(suggestion.reasons[0]!.explanation).toMatch(/^theo các quyết định trước đây của cơ quan, độ tin cậy \d+ %; từ ngữ quyết định: /);
  });

  it('reasons of a rule say "theo quy định" with the citation', () => {
    const s = understandPages([{ n: 1, text: pageOf(byId.get('o10')!.d) }], { version: '2016', model }).suggestion;
    expect(s).toMatchObject({ class: 'public', source: 'rules', basisId: 'L104.D17.K1.dd' });
    expect(s.reasons[0]!.explanation).toMatch(/^theo quy định: .*\(điểm đ khoản 1 Điều 17 Luật Tiếp cận thông tin 104\/2016\/QH13\)$/);
  });

  it('never overrides a secret or conditional rule, even where it is sure the agency publishes such documents', () => {
    const publishing = new WinkAccessModel(trainModel([...decided(TRAINING.filter((id) => byId.get(id)!.d.access === 'public')), ...Array.from({ length: 20 }, () => example('o48', 'publish:other'))], null));
    const schedule = pageOf(byId.get('o49')!.d);
    expect(publishing.predict(byId.get('o49')!.u.evidence.modelInput)).toMatchObject({ accessClass: 'public' });
    const marked = understandPages([{ n: 1, text: schedule.replace('Văn phòng thông báo', 'Tài liệu lưu hành nội bộ. Văn phòng thông báo') }], { version: '2016', model: publishing }).suggestion;
    expect(marked).toMatchObject({ class: 'secret', source: 'rules', basisId: 'L104.D6.K2' });
    const personal = understandPages([{ n: 1, text: schedule.replace('Văn phòng thông báo', 'Tiếp bà Trần Thị Bé, sinh ngày 01/02/1970, nơi cư trú: ấp Mỹ Hòa. Văn phòng thông báo') }], { version: '2016', model: publishing }).suggestion;
    expect(personal).toMatchObject({ class: 'conditional', source: 'rules', basisId: 'L104.D7.K2' });
  });

  it('proposes nothing below its threshold, before it has learned 10 decisions, or for a ground seen fewer than 3 times', () => {
    const few = new WinkAccessModel(trainModel(decided(TRAINING.slice(0, 9)), null));
    expect(few.predict(byId.get('o51')!.u.evidence.modelInput)).toBeNull();
    const once = new WinkAccessModel(trainModel(decided(['o01', 'o03', 'o04', 'o08', 'o10', 'o12', 'o14', 'o16', 'o21', 'o23', 'o48']), null));
    expect(once.predict(byId.get('o51')!.u.evidence.modelInput)).toBeNull();
    const unsure = understandPages([{ n: 1, text: pageOf(byId.get('o56')!.d) }], { version: '2016', model }).suggestion;
    expect(unsure.class).toBeNull();
    expect(unsure.reasons.map((r) => r.rule)).toEqual(['needs-review', 'model.prediction']);
  });

  it('learns incrementally on top of a model, and its shareable copy drops words seen in fewer than 3 documents', () => {
    const base = trainModel(decided(TRAINING.slice(0, 12)), null);
    const grown = trainModel(decided(TRAINING.slice(12)), base);
    expect(grown.examples).toBe(TRAINING.length);
    expect(new WinkAccessModel(grown).predict(byId.get('o51')!.u.evidence.modelInput)?.ground).toBe('publish:other');
    const vocabulary = (f: typeof grown) => JSON.parse(f.learnings)[4] as string[];
    const shared = shareableModel(grown);
    expect(vocabulary(grown)).toContain('b:bay'); // a name, in one document (Trần Văn Bảy)
    expect(vocabulary(shared)).not.toContain('b:bay');
    expect(vocabulary(shared)).toContain('t:thong_bao');
    expect(new WinkAccessModel(shared).predict(byId.get('o51')!.u.evidence.modelInput)?.ground).toBe('publish:other');
  });
});
