/**
 * Personal data of private persons (Law 104/2016 Art. 7 cl. 2 — private life, personal secrets):
 * citizen-ID (CCCD, 12 digits) and old ID-card (CMND, 9 digits) numbers, phone numbers, dates of
 * birth, names of private persons, home addresses, land parcels, and health or social-assistance
 * status. Every finding keeps its page and offsets (redaction uses them).
 *
 * Names, addresses and statuses count only in a personal context — a table with a name column,
 * or next to an honorific ("ông", "bà") or an identifier — so a meeting venue "ấp Hòa Nhờ A" or
 * the signer's name are not findings.
 */
import { fold } from '../../../shared/text/vietnamese';
import { foldSameLength, type PageText } from './pageText';

export type PersonalKind =
  | 'cccd'
  | 'cmnd'
  | 'phone'
  | 'birth-date'
  | 'name'
  | 'address'
  | 'land-parcel'
  | 'health'
  | 'social-status';

export interface PersonalFinding {
  kind: PersonalKind;
  text: string;
  page: number;
  start: number;
  end: number;
  rule: string;
}

/** Kinds that identify or describe a person on their own (they make a document conditional). */
export const STRONG_KINDS: readonly PersonalKind[] = ['cccd', 'cmnd', 'phone', 'birth-date', 'address', 'land-parcel', 'health', 'social-status'];

const L = '\\p{L}';
const UP = '\\p{Lu}';
/** A capitalised syllable: "Huỳnh", "Sa", "Phone". */
const CAP_WORD = `${UP}\\p{Ll}*(?!\\p{L})`;
/** 2–6 capitalised syllables; line breaks allowed (a name wrapped in a table cell). */
const NAME = `${CAP_WORD}(?:[ \\t]+${CAP_WORD}|\\n${CAP_WORD}(?=[ \\t]+${CAP_WORD}|\\n|[ \\t]*[,;.)(]|$)){1,5}`;

const HONORIFIC = new RegExp(`(?<![${L}])(?:ông|bà|anh|chị|cháu|em|Ông|Bà|Anh|Chị|Cháu|Em)\\s+(${NAME})`, 'gu');
const CCCD = /(?<![\d.,])\d{12}(?![\d.,]?\d)/g;
const CMND = /(?<![\d.,])\d{9}(?![\d.,]?\d)/g;
const CMND_CONTEXT = /(cmnd|chung minh nhan dan|cmt|can cuoc)[^\n]{0,40}$/;
/** Mobile numbers, grouped any way ("0354 524 429", "0323.840.880"; OCR: "0354 524429", "0323. 840.880"). */
const MOBILE = /(?<![\d.,])0[35789]\d{2}(?:\.? ?)\d{3}(?:\.? ?)\d{3}(?![\d.,]?\d)/g;
const LANDLINE = /(?<![\d.,])02\d{1,2}[ .]?\d{3,4}[ .]?\d{3,4}(?![\d.,]?\d)/g;
const PHONE_CONTEXT = /(dien thoai|dt|sdt|di dong|lien he)[^\n]{0,25}$/;
const DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g;
const BIRTH_CONTEXT = /(sinh ngay|ngay sinh|ngay, thang, nam sinh|sinh nam|nam sinh|sinh)\s*:?\s*$/;
const LAND = /thửa(?: đất)? số \d+,? tờ bản đồ số \d+/giu;
const DISABILITY_RATE = /(suy giảm khả năng lao động|tổn thương cơ thể|tỷ lệ thương tật)[^.;]{0,120}?(\d{1,3}(?:,\d+)?\s?%)/giu;

/** Where an address may begin: a unit word followed by a name or a number. */
const ADDRESS_UNITS = ['số nhà', 'số', 'đường', 'phố', 'ấp', 'khóm', 'thôn', 'xóm', 'bản', 'tổ dân phố', 'tổ', 'khu phố', 'khu vực', 'xã', 'phường', 'thị trấn', 'thị xã', 'huyện', 'quận', 'thành phố', 'tỉnh'];
const bothCases = (words: string[]) => words.flatMap((w) => [w, w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)]);
const UNIT = `(?:${bothCases(ADDRESS_UNITS).map((u) => u.replace(/ /g, '\\s+')).join('|')})`;
/** A place name: capitalised words (wrapped lines allowed), optionally a short number ("An Thạnh 1"). A capitalised word
 *  followed by a lower-case word starts a new phrase ("Người khuyết tật") and is not taken. */
const PLACE_NAME = `(?:${CAP_WORD}(?![ \\t]+\\p{Ll}))(?:\\s+${CAP_WORD}(?!\\s+\\p{Ll})(?![ \\t]+(?:1[89]|20)\\d{2}(?![\\d.,])))*(?:[ \\t]+\\d{1,3}[A-Z]?(?![\\d/]|[.,]\\d))?`;
/** OCR may glue the unit to the name ("thị trấnCù Lao Dung"). */
const ADDRESS_PART = `(?<![${L}])(?:${UNIT})(?:\\s+|(?=${UP}))(?:\\d{1,4}[A-Z]?(?![\\d/]|[.,]\\d)|${PLACE_NAME})`;
const ADDRESS = new RegExp(`${ADDRESS_PART}(?:,\\s*${ADDRESS_PART.replace('(?<![' + L + '])', '')})*`, 'gu');
const ADDRESS_CONTEXT = /(noi cu tru|noi thuong tru|thuong tru|tam tru|dia chi|noi o hien tai|noi o|tru tai|cu tru tai|que quan)\s*:?\s*$/;

/** Health status of a person: symptoms, diseases. */
const HEALTH_START = [
  'sốt', 'ho', 'đau', 'khó thở', 'mệt mỏi', 'không triệu chứng', 'có triệu chứng', 'ung thư', 'đái tháo đường', 'tiểu đường',
  'tăng huyết áp', 'suy thận', 'suy tim', 'nhiễm hiv', 'hiv', 'lao phổi', 'tâm thần', 'trầm cảm', 'dương tính', 'tai biến', 'đột quỵ',
];
/** Social-assistance categories (Decree 20/2021 beneficiaries and similar). */
const SOCIAL_START = [
  'người khuyết tật', 'người cao tuổi', 'trẻ em mồ côi', 'trẻ em bị bỏ rơi', 'người đơn thân', 'người nhiễm hiv', 'hộ nghèo', 'hộ cận nghèo',
  'người tâm thần', 'người bị bệnh tâm thần', 'nạn nhân chất độc', 'người có công',
];
const STOP = `(?=[ \\t]+\\p{Lu}|[ \\t]+\\d{1,3}(?:\\.\\d{3})+|\\n|$|[;.](?:\\s|$))`;
/** A status phrase: from its opening words to the end of its table cell or clause; wrapped lines
 *  (starting in lower case) continue it. */
const phrase = (starts: string[]) =>
  new RegExp(
    `(?<![${L}])(?:${bothCases(starts).map((s) => s.replace(/ /g, '\\s+')).join('|')})(?![${L}])(?:[ \\t]*[\\p{Ll}\\d°%,.()][^\\n]*?|)${STOP}(?:\\n\\p{Ll}[^\\n]*?${STOP})*`,
    'gu',
  );
const HEALTH = phrase(HEALTH_START);
const SOCIAL = phrase(SOCIAL_START);

interface TableRegion {
  start: number;
  end: number;
  rows: { start: number; end: number }[];
  columns: string;
}

/** Tables listing people: a header line with a name column ("Họ và tên"), rows opening with
 *  their number. The text layer wraps cells onto several lines, so a row runs to the next row. */
function peopleTables(text: string, folded: string): TableRegion[] {
  const tables: TableRegion[] = [];
  const header = /(^|\n)[^\n]*\bho\s*(va\s*)?ten\b[^\n]*/g; // OCR glues "Họ vàtên"
  for (const m of folded.matchAll(header)) {
    const headerStart = m.index + m[1]!.length;
    // The header may wrap: take up to the first row.
    // OCR leaves debris at the row number ("4_", "-6").
    const rowRe = /\n[-_.]?(\d{1,3})[_.]?[ \t]+(?=\p{Lu})/gu;
    rowRe.lastIndex = headerStart;
    const rows: { start: number; end: number }[] = [];
    let expected = 1;
    let first = -1;
    for (let r = rowRe.exec(text); r; r = rowRe.exec(text)) {
      if (Number(r[1]) !== expected) {
        if (rows.length === 0 && expected === 1) continue;
        break;
      }
      if (first < 0) first = r.index;
      if (rows.length > 0) rows[rows.length - 1]!.end = r.index;
      rows.push({ start: r.index + 1, end: text.length });
      expected += 1;
    }
    if (rows.length === 0) continue;
    // The last row ends at a line that is not part of a row (a total, a note, the page number).
    const lastRow = rows[rows.length - 1]!;
    const tail = /\n(?:tổng|cộng|ghi chú|\(|\d{1,3}\s*$)/iu.exec(text.slice(lastRow.start));
    if (tail) lastRow.end = lastRow.start + tail.index;
    tables.push({ start: headerStart, end: lastRow.end, rows, columns: folded.slice(headerStart, first) });
  }
  return tables;
}

function push(out: PersonalFinding[], page: number, kind: PersonalKind, text: string, start: number, rule: string): void {
  const trimmed = text.replace(/[\s,;.]+$/u, '');
  const lead = trimmed.length - trimmed.trimStart().length;
  const value = trimmed.trim();
  if (!value) return;
  if (out.some((f) => f.page === page && f.kind === kind && f.start <= start + lead && f.end >= start + lead + value.length)) return;
  out.push({ kind, text: value, page, start: start + lead, end: start + lead + value.length, rule });
}

const near = (findings: PersonalFinding[], page: number, at: number, distance: number) =>
  findings.some((f) => f.page === page && (f.kind === 'name' || f.kind === 'cccd' || f.kind === 'cmnd') && Math.abs(f.start - at) <= distance);

export function findPersonalData(pages: PageText[]): PersonalFinding[] {
  const out: PersonalFinding[] = [];
  for (const page of pages) {
    const text = page.text.normalize('NFC');
    const folded = foldSameLength(text);
    const tables = peopleTables(text, folded);
    const inTable = (at: number) => tables.find((t) => at >= t.start && at < t.end);
    const rowOf = (at: number) => inTable(at)?.rows.find((r) => at >= r.start && at < r.end);

    // Identifiers.
    for (const m of text.matchAll(CCCD)) push(out, page.n, 'cccd', m[0], m.index, 'personal.cccd');
    for (const m of text.matchAll(CMND)) {
      if (CMND_CONTEXT.test(folded.slice(Math.max(0, m.index - 60), m.index))) push(out, page.n, 'cmnd', m[0], m.index, 'personal.cmnd');
    }
    for (const m of text.matchAll(MOBILE)) push(out, page.n, 'phone', m[0], m.index, 'personal.phone');
    for (const m of text.matchAll(LANDLINE)) {
      if (PHONE_CONTEXT.test(folded.slice(Math.max(0, m.index - 40), m.index))) push(out, page.n, 'phone', m[0], m.index, 'personal.phone');
    }

    // Names: after an honorific, or the name cell of a people table.
    for (const m of text.matchAll(HONORIFIC)) push(out, page.n, 'name', m[1]!, m.index + m[0].length - m[1]!.length, 'personal.name.honorific');
    for (const table of tables) {
      for (const row of table.rows) {
        const cell = new RegExp(`^[-_.]?\\d{1,3}[_.]?[ \\t]+(${NAME})`, 'u').exec(text.slice(row.start, row.end));
        if (cell) push(out, page.n, 'name', cell[1]!, row.start + cell[0].length - cell[1]!.length, 'personal.name.table');
      }
    }

    // Dates of birth: after "sinh ngày"/"ngày sinh", or in a people table with a birth column.
    for (const m of text.matchAll(DATE)) {
      const before = folded.slice(Math.max(0, m.index - 30), m.index);
      const table = inTable(m.index);
      if (BIRTH_CONTEXT.test(before) || (table && /(ngay|nam) sinh/.test(table.columns))) {
        push(out, page.n, 'birth-date', m[0], m.index, 'personal.birth-date');
      }
    }

    // Addresses: after "nơi cư trú:", "địa chỉ:"…, or in a people table with an address column.
    for (const m of text.matchAll(ADDRESS)) {
      const before = folded.slice(Math.max(0, m.index - 30), m.index);
      const table = inTable(m.index);
      const tableAddress = table && /(dia chi|noi cu tru|noi o|thuong tru|que quan)/.test(table.columns) && rowOf(m.index);
      if (ADDRESS_CONTEXT.test(before) || tableAddress) push(out, page.n, 'address', m[0], m.index, 'personal.address');
    }
    for (const m of text.matchAll(LAND)) {
      if (near(out, page.n, m.index, 600)) push(out, page.n, 'land-parcel', m[0], m.index, 'personal.land-parcel');
    }

    // Health and social-assistance status of the persons found above.
    for (const [re, kind] of [
      [HEALTH, 'health'],
      [SOCIAL, 'social-status'],
    ] as const) {
      for (const m of text.matchAll(re)) {
        const row = rowOf(m.index);
        if (row ? out.some((f) => f.page === page.n && f.kind === 'name' && f.start >= row.start && f.start < row.end) : near(out, page.n, m.index, 400)) {
          push(out, page.n, kind, m[0], m.index, `personal.${kind}`);
        }
      }
    }
    for (const m of text.matchAll(DISABILITY_RATE)) {
      if (near(out, page.n, m.index, 800)) push(out, page.n, 'health', m[2]!, m.index + m[0].length - m[2]!.length, 'personal.health');
    }
  }
  return out.sort((a, b) => a.page - b.page || a.start - b.start);
}

/** Folded text of a finding, for comparisons that ignore line breaks and accents. */
export function foldedFinding(f: PersonalFinding): string {
  return fold(f.text).replace(/\s+/g, ' ');
}
