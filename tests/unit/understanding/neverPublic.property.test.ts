/**
 * Never public by accident, over generated OCR-like text: every secret and internal marker of the
 * rules files, and private persons' personal data, corrupted the way OCR corrupts text (diacritics
 * dropped or swapped, one letter substituted or missing, words split, line breaks), embedded in a
 * document that is otherwise public (an Art. 17 plan) — the suggestion is never "public".
 *
 * Pure and fast: the header is fixed (the plan's), evidence and suggestion run on the page text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Generous: the cases take about 10 s of CPU in all; a loaded shared machine must not fail them.
const TIMEOUT = 180_000;
import { gatherEvidence, suggestAccess } from '../../../electron/engine/understanding/suggest';
import { legalData } from '../../../electron/engine/understanding/rules/legalData';
import type { ExtractedHeader } from '../../../electron/engine/understanding/headerExtractor';
import { phraseLetters } from '../../../electron/engine/understanding/rules/phraseMatcher';

const data = legalData();
const VERSION = '2016';
const rules = data.ruleSets.get(VERSION)!.rules;

/** Every phrase of a tolerant clause of a secret rule that needs no particular document type. */
const MARKERS = [
  ...new Set(
    rules
      .filter((r) => r.accessClass === 'secret' && !r.documentTypes)
      .flatMap((r) => [...(r.anyOf ?? []), ...(r.allOf ?? [])].filter((c) => c.fuzzy).flatMap((c) => c.phrases)),
  ),
];
const STAMPS = data.markings.secrecy.map((s) => s.toLocaleUpperCase('vi'));

const field = (value: string) => ({ value, confidence: 1, page: 1, spanStart: 0, spanEnd: value.length });
const HEADER: ExtractedHeader = { docType: field('Kế hoạch'), subject: field('Triển khai thực hiện dự toán ngân sách và kế hoạch đầu tư công năm 2025') };
const TOP = 'ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 112/KH-UBND';
const HEAD_REST = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nAn Phú, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\nTriển khai thực hiện dự toán ngân sách và kế hoạch đầu tư công năm 2025';
const PARAGRAPHS = [
  'I. MỤC ĐÍCH, YÊU CẦU',
  'Tổ chức thực hiện nghiêm dự toán ngân sách được giao, bảo đảm tiến độ giải ngân vốn đầu tư công.',
  'Các phòng, ban chuyên môn phối hợp chặt chẽ với Ủy ban nhân dân các xã, thị trấn trong quá trình triển khai.',
  'II. NỘI DUNG THỰC HIỆN',
  'Rà soát danh mục công trình, phân bổ kế hoạch vốn năm 2025 và báo cáo kết quả trước ngày 30/6/2025.',
  'Nơi nhận:\n- Như trên;\n- Lưu: VT.',
  'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Bình',
];

const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** OCR-like corruptions of a phrase: diacritics dropped or swapped anywhere, at most one letter
 *  substituted or missing (only in phrases long enough for the rules to tolerate it), words split,
 *  line breaks between words. */
function corrupted(phrase: string, allowLetterEdit: boolean): fc.Arbitrary<string> {
  return fc
    .record({
      diacritics: fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('drop', 'swap'), tone: fc.constantFrom(...TONES) }), { maxLength: 4 }),
      letter: allowLetterEdit ? fc.option(fc.record({ at: fc.nat(), op: fc.constantFrom('substitute', 'delete'), by: fc.constantFrom(...'abcdeghiklmnopqrstuvxy') }), { nil: null }) : fc.constant(null),
      splits: fc.array(fc.nat(), { maxLength: 2 }),
      breaks: fc.array(fc.nat(), { maxLength: 2 }),
    })
    .map(({ diacritics, letter, splits, breaks }) => {
      let chars = [...phrase.normalize('NFD')];
      for (const d of diacritics) {
        const marks = chars.map((c, i) => (/\p{M}/u.test(c) ? i : -1)).filter((i) => i >= 0);
        if (marks.length === 0) break;
        const i = marks[d.at % marks.length]!;
        chars[i] = d.op === 'drop' ? '' : d.tone;
        chars = chars.filter((c) => c !== '');
      }
      if (letter) {
        const letters = chars.map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i >= 0);
        const i = letters[letter.at % letters.length]!;
        const upper = chars[i] !== chars[i]!.toLowerCase();
        chars[i] = letter.op === 'delete' ? '' : upper ? letter.by.toUpperCase() : letter.by;
      }
      let out = chars.join('').normalize('NFC');
      for (const s of splits) {
        // A space inside a word (never at its edges).
        const inside = [...out].map((c, i, a) => (i > 0 && /\p{L}/u.test(c) && /\p{L}/u.test(a[i - 1]!) ? i : -1)).filter((i) => i >= 0);
        if (inside.length === 0) break;
        const at = inside[s % inside.length]!;
        out = out.slice(0, at) + ' ' + out.slice(at);
      }
      for (const b of breaks) {
        const spaces = [...out].map((c, i) => (c === ' ' ? i : -1)).filter((i) => i >= 0);
        if (spaces.length === 0) break;
        const at = spaces[b % spaces.length]!;
        out = out.slice(0, at) + '\n' + out.slice(at + 1);
      }
      return out;
    });
}

function suggestOn(body: string) {
  const pages = [{ n: 1, text: body }];
  const evidence = gatherEvidence(pages, HEADER, { data, version: VERSION });
  return suggestAccess(HEADER, evidence, { data });
}

describe('never public by accident (property-based)', () => {
  it('the plan itself, unmarked, is public (so the properties below test the markers)', () => {
    expect(suggestOn([TOP, HEAD_REST, ...PARAGRAPHS].join('\n')).class).toBe('public');
  });

  it('any secret or internal marker, OCR-corrupted, anywhere in a public plan: never public (7 000 cases)', () => {
    const marker = fc.constantFrom(...MARKERS).chain((m) =>
      fc.record({
        text: corrupted(m, phraseLetters(m) >= 8),
        where: fc.nat(PARAGRAPHS.length),
        inline: fc.boolean(),
        upper: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(marker, ({ text, where, inline, upper }) => {
        const shown = upper ? text.toLocaleUpperCase('vi') : text;
        const paragraphs = [...PARAGRAPHS];
        if (inline) paragraphs[Math.min(where, paragraphs.length - 1)] += ` Tài liệu ${shown}.`;
        else paragraphs.splice(where, 0, shown);
        const s = suggestOn([TOP, HEAD_REST, ...paragraphs].join('\n'));
        expect(s.class, `${JSON.stringify(shown)} → ${s.class} ${s.basisId}`).not.toBe('public');
      }),
      { numRuns: 7000 },
    );
  }, TIMEOUT);

  it('a secrecy stamp (Mật, Tối mật, Tuyệt mật), OCR-corrupted, on the header: never public (1 000 cases)', () => {
    const stamp = fc.constantFrom(...STAMPS).chain((s) => fc.record({ text: corrupted(s, true), after: fc.constantFrom(1, 2, 3) }));
    fc.assert(
      fc.property(stamp, ({ text, after }) => {
        const top = TOP.split('\n');
        top.splice(after, 0, text);
        const s = suggestOn([top.join('\n'), HEAD_REST, ...PARAGRAPHS].join('\n'));
        expect(s.class, `${JSON.stringify(text)} → ${s.class}`).not.toBe('public');
      }),
      { numRuns: 1000 },
    );
  }, TIMEOUT);

  it("a private person's personal data (Decree 356 Art. 3 and 4), labels OCR-corrupted, in a public plan: never public (2 000 cases)", () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const label = (l: string) => corrupted(l, phraseLetters(l) >= 8);
    const item = fc.oneof(
      fc.tuple(fc.constantFrom('Căn cước công dân số', 'CCCD số', 'số định danh cá nhân'), digits(11)).chain(([l, d]) => label(l).map((x) => `${x} 0${d}`)),
      fc.tuple(fc.constantFrom('sinh ngày', 'ngày sinh:'), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1940, max: 2005 })).chain(([l, d, m, y]) => label(l).map((x) => `${x} ${d}/${m}/${y}`)),
      fc.tuple(fc.constantFrom('nơi cư trú:', 'địa chỉ thường trú:', 'trú tại'), fc.constantFrom('ấp Mỹ Hòa, xã An Phú', 'khóm 3, thị trấn Long Bình', 'thôn Đông, xã Tân Hội')).chain(([l, a]) => label(l).map((x) => `${x} ${a}`)),
      fc.tuple(fc.constantFrom('số điện thoại', 'điện thoại:'), fc.constantFrom('09', '03', '08'), digits(8)).chain(([l, p, d]) => label(l).map((x) => `${x} ${p}${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`)),
      fc.tuple(fc.constantFrom('dân tộc:', 'tôn giáo:'), fc.constantFrom('Khmer', 'Hoa', 'Chăm', 'Phật giáo', 'Công giáo')).chain(([l, v]) => label(l).map((x) => `${x} ${v}`)),
      fc.tuple(fc.constantFrom('số tài khoản', 'tài khoản ngân hàng số'), digits(10)).chain(([l, d]) => label(l).map((x) => `${x} ${d}`)),
      fc.constantFrom('có 01 tiền án về tội trộm cắp tài sản', 'tình trạng sức khỏe: sốt, ho kéo dài', 'thuộc hộ nghèo năm 2024').chain((t) => corrupted(t, false)),
    );
    const person = fc.record({
      honorific: fc.constantFrom('ông', 'bà', 'anh', 'chị', 'Ông', 'Bà'),
      name: fc.tuple(fc.constantFrom('Nguyễn', 'Trần', 'Lê', 'Phạm', 'Thạch', 'Kim', 'Huỳnh'), fc.constantFrom('Văn', 'Thị', 'Minh', 'Ngọc'), fc.constantFrom('An', 'Bé', 'Sa Rết', 'Hùng', 'Lan', 'Phước')).map((p) => p.join(' ')),
      items: fc.array(item, { minLength: 1, maxLength: 3 }),
      where: fc.nat(PARAGRAPHS.length - 2),
      separator: fc.constantFrom(', ', '; ', ',\n'),
    });
    fc.assert(
      fc.property(person, ({ honorific, name, items, where, separator }) => {
        const paragraphs = [...PARAGRAPHS];
        paragraphs.splice(where + 1, 0, `Ủy ban nhân dân xã đã nhận đơn đề nghị của ${honorific} ${name}${separator}${items.join(separator)}.`);
        const s = suggestOn([TOP, HEAD_REST, ...paragraphs].join('\n'));
        expect(s.class, `${name}: ${items.join(' | ')} → ${s.class}`).not.toBe('public');
      }),
      { numRuns: 2000 },
    );
  }, TIMEOUT);
});
